import { fileURLToPath } from "node:url";
import { type RunningCommand, runCommand } from "@experience-users/test-support";
import { afterEach, describe, expect, it } from "vitest";

const TOY = fileURLToPath(new URL("fixtures/toy-command.ts", import.meta.url));

const running: RunningCommand[] = [];
afterEach(() => {
  for (const command of running.splice(0)) command.kill();
});

function toy(args: string[]): RunningCommand {
  const command = runCommand(process.execPath, ["--import", "tsx", TOY, ...args]);
  running.push(command);
  return command;
}

describe("runServerCommand", () => {
  it.each([
    {
      description: "a bad port is a usage error: exit 2, naming the option",
      args: ["--port", "1e3"],
      code: 2,
      stderr: 'toy: --port must be a port number from 0 to 65535, got "1e3"\n',
    },
    {
      description: "an unknown option is a usage error: exit 2",
      args: ["--prot", "1"],
      code: 2,
      stderr: /^toy: Unknown option '--prot'/,
    },
    {
      description: "a failure to serve exits 1 with the command's words",
      args: ["--port", "5", "--fail"],
      code: 1,
      stderr: "toy: could not start: port 5 is in use\n",
    },
    {
      description: "a server that stops on its own is closed, said, and exits with its code",
      args: ["--end"],
      code: 3,
      stderr: "toy: the server ended\n",
      stdout: "toy on port 0; Ctrl-C stops it\nclosed\n",
    },
  ])("$description", async ({ args, code, stderr, stdout }) => {
    const command = toy(args);
    expect(await command.closed).toBe(code);
    if (typeof stderr === "string") expect(command.stderr()).toBe(stderr);
    else expect(command.stderr()).toMatch(stderr);
    expect(command.stdout()).toBe(stdout ?? "");
  });

  it.each(["SIGINT", "SIGTERM"] as const)(
    "prints its banner, and %s closes what it serves and exits 0",
    async (signal) => {
      const command = toy(["--port", "7"]);
      await command.printed(/toy on port 7; Ctrl-C stops it\n/);
      command.child.kill(signal);
      expect(await command.closed).toBe(0);
      expect(command.stdout()).toBe("toy on port 7; Ctrl-C stops it\nclosed\n");
      expect(command.stderr()).toBe("");
    },
  );
});
