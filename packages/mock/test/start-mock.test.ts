import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { type AddressInfo, createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../src/free-port.js";
import { serveMock } from "../src/serve-mock.js";
import { startPrism } from "../src/start-prism.js";
import { waitUntilListening } from "../src/wait-until-listening.js";

const LAUNCHER = fileURLToPath(new URL("../dist/start-mock.js", import.meta.url));
const USER_PATH =
  "/applications/575ec8687ae143cd83dc4a97/experience/users/575ed78e7ae143cd83dc4aab";
/** The `id` of the spec's Experience User example, which the static mock serves. */
const EXAMPLE_ID = "58b9d782cbfafe1be675744d";

const launched: ChildProcess[] = [];
afterEach(() => {
  for (const child of launched.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/**
 * Runs the built launcher and resolves with the URL it prints once Prism accepts connections.
 * Its output is read until it exits (Prism, which shares the pipe, must never see it closed).
 */
function launch(
  args: string[],
): Promise<{ child: ChildProcess; url: string; printed: () => string }> {
  const child = spawn(process.execPath, [LAUNCHER, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  launched.push(child);
  let printed = "";
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /Prism mock of \S+ on (http:\/\/\S+),/.exec(printed)?.[1];
      if (url) resolve({ child, url, printed: () => printed });
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", () =>
      reject(new Error(`the launcher exited before printing its URL:\n${printed}`)),
    );
  });
}

async function getUser(url: string): Promise<{ status: number; id: unknown }> {
  const response = await fetch(`${url}${USER_PATH}`, {
    headers: { Authorization: "Bearer test-token" },
  });
  const body = (await response.json()) as { id?: unknown };
  return { status: response.status, id: body.id };
}

describe("start-mock", () => {
  it("serves the spec's examples on the URL it prints, and Ctrl-C (SIGINT) stops Prism and exits 0", async () => {
    const port = await freePort();
    const { child, url } = await launch(["--port", String(port)]);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(await getUser(url)).toEqual({ status: 200, id: EXAMPLE_ID });

    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    await expect(waitUntilListening("127.0.0.1", port, { timeout: 200 })).rejects.toThrow(
      /nothing accepted connections/,
    );
  });

  it("--dynamic generates responses from the schemas instead of serving the examples", async () => {
    const { child, url } = await launch(["--dynamic", "--port", String(await freePort())]);
    const user = await getUser(url);
    expect(user.status).toBe(200);
    expect(user.id).toMatch(/^[A-Fa-f\d]{24}$/);
    expect(user.id).not.toBe(EXAMPLE_ID);
    child.kill("SIGTERM");
    expect((await once(child, "exit"))[0]).toBe(0);
  });

  it("--port 0 picks a free port and prints it; each request is logged without its query", async () => {
    const { child, url, printed } = await launch(["--port", "0"]);
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThan(0);
    const response = await fetch(`${url}${USER_PATH}?filter=secret@example.com`, {
      headers: { Authorization: "Bearer test-token" },
    });
    expect(response.status).toBe(200);
    await response.text();
    await expect
      .poll(printed)
      .toMatch(/GET \/applications\/\w{24}\/experience\/users\/\w{24} 200 \d+ms/);
    expect(printed()).not.toContain("secret@example.com");
    child.kill("SIGTERM");
    expect((await once(child, "exit"))[0]).toBe(0);
  });

  it("--quiet logs no request", async () => {
    const { child, url, printed } = await launch(["--quiet", "--port", "0"]);
    for (const _ of [1, 2]) {
      const response = await fetch(`${url}${USER_PATH}`, {
        headers: { Authorization: "Bearer test-token" },
      });
      expect(response.status).toBe(200);
      await response.text();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill("SIGTERM");
    expect((await once(child, "exit"))[0]).toBe(0);
    expect(printed()).not.toMatch(/GET \/applications/);
  });

  it.each([
    { description: "a word", args: ["--port", "abc"] },
    { description: "exponent notation", args: ["--port", "1e3"] },
    { description: "a port past 65535", args: ["-p", "65536"] },
    { description: "an unknown option", args: ["--prot", "4010"] },
  ])("refuses $description with exit code 2 and says why", async ({ args }) => {
    const child = spawn(process.execPath, [LAUNCHER, ...args], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    launched.push(child);
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    expect((await once(child, "exit"))[0]).toBe(2);
    expect(stderr).toMatch(/^start-mock: /);
  });
});

describe("startPrism", () => {
  it("rejects as soon as Prism exits before listening, with Prism's output", async () => {
    const started = Date.now();
    const failure = startPrism({
      port: await freePort(),
      spec: "/nonexistent/experience-users.yaml",
      output: "capture",
    });
    await expect(failure).rejects.toThrow(
      /Prism exited \(code \d+\) before it listened[\s\S]*nonexistent/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("refuses a port something else listens on, instead of mistaking it for Prism", async () => {
    const squatter = createServer().listen(0, "127.0.0.1");
    await once(squatter, "listening");
    const { port } = squatter.address() as AddressInfo;
    try {
      await expect(startPrism({ port })).rejects.toThrow(`127.0.0.1:${port} is already in use`);
    } finally {
      squatter.close();
    }
  });
});

describe("serveMock", () => {
  it("refuses a port something else listens on, before starting Prism", async () => {
    const squatter = createServer().listen(0, "127.0.0.1");
    await once(squatter, "listening");
    const { port } = squatter.address() as AddressInfo;
    const started = Date.now();
    try {
      await expect(serveMock({ port })).rejects.toThrow(`127.0.0.1:${port} is already in use`);
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      squatter.close();
    }
  });
});
