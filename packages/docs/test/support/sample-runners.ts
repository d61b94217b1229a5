import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** What every published sample puts where the reader's token goes (Losant's reference does too). */
export const TOKEN_PLACEHOLDER = "YOUR_API_ACCESS_TOKEN";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** What a child process printed, and how it ended. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program (no shell unless asked for), resolving with its output whatever its exit code. */
export function run(
  file: string,
  args: readonly string[],
  options: { cwd?: string; timeout?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, timeout: options.timeout ?? 30_000, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({
          code,
          stdout,
          stderr: error && code === null ? `${stderr}${error.message}` : stderr,
        });
      },
    );
  });
}

/**
 * A published sample aimed at a local server: the token placeholder becomes `token` and the
 * spec's server URL becomes `baseUrl`. Throws unless the sample has both exactly where a reader
 * would replace them, so a sample that stops using them fails instead of calling the real API.
 */
export function pointAt(
  source: string,
  target: { serverUrl: string; baseUrl: string; token: string },
): string {
  const tokens = source.split(TOKEN_PLACEHOLDER).length - 1;
  const urls = source.split(target.serverUrl).length - 1;
  if (tokens !== 1 || urls !== 1) {
    throw new Error(
      `a sample must name ${TOKEN_PLACEHOLDER} and ${target.serverUrl} once each (found ${tokens} and ${urls}):\n${source}`,
    );
  }
  return source.replace(TOKEN_PLACEHOLDER, target.token).replace(target.serverUrl, target.baseUrl);
}

/** Fails (never skips) when a program a sample test needs is not installed. */
export function requireProgram(path: string, install: string): void {
  if (!existsSync(path))
    throw new Error(`${path} is missing: the sample tests need it (${install})`);
}

/**
 * A scratch folder whose `node_modules` is the repository's, so that samples written into it
 * import the workspace's built packages (`@experience-users/client`) and `losant-rest` exactly
 * as a reader's project would import them from npm.
 */
export function sampleFolder(): {
  dir: string;
  write(name: string, text: string): string;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), "docs-samples-"));
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return {
    dir,
    write(name, text) {
      const path = join(dir, name);
      mkdirSync(join(path, ".."), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The repository's TypeScript compiler. */
export const TSC = join(REPO_ROOT, "node_modules/typescript/bin/tsc");
