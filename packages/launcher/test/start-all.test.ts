import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { DEV_TOKEN, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import { isListening } from "@experience-users/mock";
import { isAlive, type RunningCommand, runCommand } from "@experience-users/test-support";
import { afterEach, describe, expect, it } from "vitest";

const accepts = (port: number) => isListening("127.0.0.1", port);

const LAUNCHER = fileURLToPath(new URL("../dist/start-all.js", import.meta.url));
const USERS = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
/** The `id` of the spec's Experience User example, which the static mock serves. */
const EXAMPLE_ID = "58b9d782cbfafe1be675744d";

const running: RunningCommand[] = [];
afterEach(() => {
  for (const command of running.splice(0)) command.kill();
});

function launch(args: string[]): RunningCommand {
  const command = runCommand(process.execPath, [LAUNCHER, ...args], { watchDescendants: true });
  running.push(command);
  return command;
}

const FREE_PORTS = ["--mock-port", "0", "--fake-port", "0", "--docs-port", "0"];

/** The three URLs and the token the launcher prints. */
async function banner(command: RunningCommand) {
  const [, mock, fake, token, docs] = await command.printed(
    /mock {2}(http:\/\/\S+) [\s\S]*fake {2}(http:\/\/\S+) .*token: (\S+)[\s\S]*docs {2}(http:\/\/\S+)\n[\s\S]*Ctrl-C stops all three/,
  );
  return {
    mock: mock as string,
    fake: fake as string,
    token: token as string,
    docs: docs as string,
  };
}

describe("start-all (npm start)", () => {
  it("serves the mock, the fake and the docs, prints the URLs and the token; SIGINT stops all three and leaves no process", async () => {
    const command = launch(FREE_PORTS);
    const urls = await banner(command);
    expect(urls.token).toBe(DEV_TOKEN);

    const mocked = await fetch(`${urls.mock}${USERS}/${EXAMPLE_ID}`, {
      headers: { authorization: "Bearer anything" },
    });
    expect(mocked.status).toBe(200);
    expect(((await mocked.json()) as { id: string }).id).toBe(EXAMPLE_ID);
    const faked = await fetch(`${urls.fake}${USERS}`, {
      headers: { authorization: `Bearer ${urls.token}` },
    });
    expect(faked.status).toBe(200);
    expect(await faked.json()).toMatchObject({ totalCount: 0, items: [] });
    const docs = await fetch(urls.docs);
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await docs.text()).toContain("Losant Experience Users API");
    await expect.poll(() => command.output()).toMatch(/mock {2}GET \S+ 200 \d+ms/);
    expect(command.output()).toMatch(/fake {2}GET \S+ 200 \d+ms/);

    const children = command.descendants();
    expect(children.length, "Prism runs as a child process").toBeGreaterThan(0);
    process.kill(command.pid, "SIGINT");
    expect(await command.exited).toEqual({ code: 0, signal: null });
    expect(children.filter(isAlive), "processes left running").toEqual([]);
    for (const url of [urls.mock, urls.fake, urls.docs]) {
      expect(await accepts(Number(new URL(url).port)), `${url} still accepts`).toBe(false);
    }
  });

  it("a busy port: exits 1 naming the service, and stops the others (Prism included)", async () => {
    const squatter = createServer().listen(0, "127.0.0.1");
    await once(squatter, "listening");
    const { port } = squatter.address() as { port: number };
    try {
      const command = launch(["--mock-port", "0", "--fake-port", "0", "--docs-port", String(port)]);
      expect(await command.exited).toEqual({ code: 1, signal: null });
      expect(command.output()).toContain(`docs: cannot listen on 127.0.0.1:${port}`);
      const seen = command.descendants();
      expect(seen.length, "Prism was started").toBeGreaterThan(0);
      expect(seen.filter(isAlive), "processes left running").toEqual([]);
    } finally {
      squatter.close();
    }
  });

  it.each([
    { description: "a port in exponent notation", args: ["--fake-port", "1e3"] },
    { description: "an unknown option", args: ["--port", "4010"] },
  ])("refuses $description with exit code 2", async ({ args }) => {
    const command = launch(args);
    expect(await command.exited).toEqual({ code: 2, signal: null });
    expect(command.output()).toMatch(/^start-all: /);
  });
});
