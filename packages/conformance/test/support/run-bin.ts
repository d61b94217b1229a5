import { fileURLToPath } from "node:url";
import { type RunningCommand, runCommand } from "@experience-users/test-support";

const BIN = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/**
 * Starts the built bin (as `npm install` links it) with `args`; the environment holds only PATH
 * and `env`, so that nothing but `env` can hand it a token.
 */
export function runBin(args: readonly string[], env: Record<string, string> = {}): RunningCommand {
  return runCommand(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
  });
}
