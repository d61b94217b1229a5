import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (scripts/lib/../..). */
export const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** The one hand-written source of truth, relative to the repository root. */
export const specFile = "spec/experience-users.yaml";

/**
 * Where generated files land. `--out-root <dir>` writes the same tree under another root, which
 * the determinism test uses to compare two runs without touching the working copy.
 */
export function outRoot(argv: readonly string[] = process.argv): string {
  const i = argv.indexOf("--out-root");
  if (i === -1) return repoRoot;
  const dir = argv[i + 1];
  if (!dir) throw new Error("--out-root needs a directory");
  return isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
}

export function display(path: string): string {
  return relative(process.cwd(), path) || ".";
}
