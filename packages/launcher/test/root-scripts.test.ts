import { fileURLToPath } from "node:url";
import { DEV_TOKEN, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import { freePort, isListening } from "@experience-users/mock";
import { isAlive, type RunningCommand, runCommand } from "@experience-users/test-support";
import { afterEach, describe, expect, it } from "vitest";

/** The repository root, where the npm scripts are. */
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const accepts = (port: number) => isListening("127.0.0.1", port);
const USERS = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;

const running: RunningCommand[] = [];
afterEach(() => {
  for (const command of running.splice(0)) command.kill();
});

/** Runs `npm run <script> -- <args>` from the repository root, as README tells a newcomer to. */
function npmRun(script: string, args: string[]): RunningCommand {
  const command = runCommand("npm", ["run", script, "--", ...args], {
    cwd: ROOT,
    watchDescendants: true,
  });
  running.push(command);
  return command;
}

/** Ctrl-C: SIGINT to the whole foreground group; then nothing of it may be left. */
async function pressCtrlC(command: RunningCommand, ports: number[]) {
  const seen = command.descendants();
  expect(seen.length).toBeGreaterThan(0);
  command.pressCtrlC();
  await command.exited;
  expect(seen.filter(isAlive), `processes left running:\n${command.output()}`).toEqual([]);
  for (const port of ports) expect(await accepts(port), `port ${port} still accepts`).toBe(false);
}

describe("the root npm scripts pass flags the npm way (`npm run <script> -- --port N`)", () => {
  it.each([
    {
      script: "mock",
      path: `${USERS}/575ed78e7ae143cd83dc4aab`,
      headers: { authorization: "Bearer anything" },
      ready: /Prism mock of \S+ on http:\/\/127\.0\.0\.1:(\d+),/,
    },
    {
      script: "fake",
      path: USERS,
      headers: { authorization: `Bearer ${DEV_TOKEN}` },
      ready: /fake listening on http:\/\/127\.0\.0\.1:(\d+)/,
    },
    {
      script: "docs",
      path: "/",
      headers: {},
      ready: /Docs page \S+ on http:\/\/127\.0\.0\.1:(\d+)\//,
    },
  ] as { script: string; path: string; headers: Record<string, string>; ready: RegExp }[])(
    "npm run $script -- --port N listens on N; Ctrl-C leaves nothing",
    async (c) => {
      const port = await freePort();
      const command = npmRun(c.script, ["--port", String(port)]);
      const [, printedPort] = await command.printed(c.ready);
      expect(Number(printedPort)).toBe(port);
      const response = await fetch(`http://127.0.0.1:${port}${c.path}`, { headers: c.headers });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      await pressCtrlC(command, [port]);
    },
  );

  it("npm start -- --mock-port A --fake-port B --docs-port C serves all three there; Ctrl-C leaves nothing", async () => {
    const [mock, fake, docs] = [await freePort(), await freePort(), await freePort()];
    const command = npmRun("start", [
      "--mock-port",
      String(mock),
      "--fake-port",
      String(fake),
      "--docs-port",
      String(docs),
    ]);
    await command.printed(/Ctrl-C stops all three/, { timeout: 120_000 });
    expect(command.output()).toContain(`mock  http://127.0.0.1:${mock} `);
    expect(command.output()).toContain(`fake  http://127.0.0.1:${fake} `);
    expect(command.output()).toContain(`docs  http://127.0.0.1:${docs}/`);
    for (const port of [mock, fake, docs]) expect(await accepts(port)).toBe(true);
    await pressCtrlC(command, [mock, fake, docs]);
  });
});
