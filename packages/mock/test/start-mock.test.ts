import { once } from "node:events";
import { type AddressInfo, createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { type RunningCommand, runCommand } from "@experience-users/test-support";
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

const launched: RunningCommand[] = [];
afterEach(() => {
  for (const command of launched.splice(0)) command.kill();
});

function start(args: string[]): RunningCommand {
  const command = runCommand(process.execPath, [LAUNCHER, ...args]);
  launched.push(command);
  return command;
}

/**
 * Runs the built launcher and resolves with the URL it prints once Prism accepts connections.
 * Its output is read until it exits (Prism, which shares the pipe, must never see it closed).
 */
async function launch(args: string[]): Promise<{ command: RunningCommand; url: string }> {
  const command = start(args);
  const [, url] = await command.printed(/Prism mock of \S+ on (http:\/\/\S+),/);
  return { command, url: url as string };
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
    const { command, url } = await launch(["--port", String(port)]);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(await getUser(url)).toEqual({ status: 200, id: EXAMPLE_ID });

    command.child.kill("SIGINT");
    expect((await command.exited).code).toBe(0);
    await expect(waitUntilListening("127.0.0.1", port, { timeout: 200 })).rejects.toThrow(
      /nothing accepted connections/,
    );
  });

  it("--dynamic generates responses from the schemas instead of serving the examples", async () => {
    const { command, url } = await launch(["--dynamic", "--port", String(await freePort())]);
    const user = await getUser(url);
    expect(user.status).toBe(200);
    expect(user.id).toMatch(/^[A-Fa-f\d]{24}$/);
    expect(user.id).not.toBe(EXAMPLE_ID);
    command.child.kill("SIGTERM");
    expect((await command.exited).code).toBe(0);
  });

  it("--port 0 picks a free port and prints it; each request is logged without its query", async () => {
    const { command, url } = await launch(["--port", "0"]);
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThan(0);
    const response = await fetch(`${url}${USER_PATH}?filter=secret@example.com`, {
      headers: { Authorization: "Bearer test-token" },
    });
    expect(response.status).toBe(200);
    await response.text();
    await expect
      .poll(command.output)
      .toMatch(/GET \/applications\/\w{24}\/experience\/users\/\w{24} 200 \d+ms/);
    expect(command.output()).not.toContain("secret@example.com");
    command.child.kill("SIGTERM");
    expect((await command.exited).code).toBe(0);
  });

  it("--quiet logs no request", async () => {
    const { command, url } = await launch(["--quiet", "--port", "0"]);
    for (const _ of [1, 2]) {
      const response = await fetch(`${url}${USER_PATH}`, {
        headers: { Authorization: "Bearer test-token" },
      });
      expect(response.status).toBe(200);
      await response.text();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    command.child.kill("SIGTERM");
    expect((await command.exited).code).toBe(0);
    expect(command.output()).not.toMatch(/GET \/applications/);
  });

  it.each([
    { description: "a word", args: ["--port", "abc"] },
    { description: "exponent notation", args: ["--port", "1e3"] },
    { description: "a port past 65535", args: ["-p", "65536"] },
    { description: "an unknown option", args: ["--prot", "4010"] },
  ])("refuses $description with exit code 2 and says why", async ({ args }) => {
    const command = start(args);
    expect(await command.closed).toBe(2);
    expect(command.stderr()).toMatch(/^start-mock: /);
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
