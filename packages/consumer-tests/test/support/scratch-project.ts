import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));
export const fixtures = fileURLToPath(new URL("../fixtures", import.meta.url));

export interface PublicPackage {
  name: string;
  dir: string;
}

/** The workspace packages other teams install (every package not marked private). */
export function publicPackages(): PublicPackage[] {
  const packages = join(repoRoot, "packages");
  return readdirSync(packages)
    .map((entry) => join(packages, entry))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name as string, dir }));
}

export function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      npm_config_fund: "false",
      npm_config_audit: "false",
      npm_config_update_notifier: "false",
    },
  });
}

/** `npm pack`s every public package into `dir`; returns tarball paths by package name. */
export function packAll(dir: string): Map<string, string> {
  mkdirSync(dir, { recursive: true });
  const tarballs = new Map<string, string>();
  for (const pkg of publicPackages()) {
    const [packed] = JSON.parse(npm(["pack", "--json", "--pack-destination", dir], pkg.dir)) as {
      filename: string;
    }[];
    if (!packed) throw new Error(`npm pack gave nothing for ${pkg.name}`);
    tarballs.set(pkg.name, join(dir, packed.filename));
  }
  return tarballs;
}

/** The version of a package the workspace has installed (to give a scratch project the same). */
export function installedVersion(name: string): string {
  return JSON.parse(readFileSync(join(repoRoot, "node_modules", name, "package.json"), "utf8"))
    .version;
}

/**
 * A project outside the workspace (under the OS temp folder, so Node's resolution never reaches
 * the monorepo's node_modules) that depends on the tarballs, plus the given registry packages
 * (e.g. the optional peer msw, at the workspace's version).
 */
export function scratchProject(
  dir: string,
  tarballs: Map<string, string>,
  registryPackages: readonly string[] = [],
): string {
  const app = join(dir, "app");
  mkdirSync(app, { recursive: true });
  const dependencies = Object.fromEntries([
    ...[...tarballs].map(([name, path]) => [name, `file:${path}`]),
    ...registryPackages.map((name) => [name, installedVersion(name)]),
  ]);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "consumer-app", private: true, type: "module", dependencies }, null, 2),
  );
  cpSync(fixtures, app, { recursive: true });
  npm(["install", "--no-audit", "--no-fund", "--prefer-offline"], app);
  for (let up = dirname(dir); up !== dirname(up); up = dirname(up)) {
    if (existsSync(join(up, "node_modules")))
      throw new Error(`${up}/node_modules would leak into the scratch project`);
  }
  return app;
}

/**
 * A Node binary of the given major release, from the npm registry's `node` package (its install
 * script, approved here, fetches the binary for this platform from the registry). Cached in the
 * OS temp folder between runs.
 */
export function nodeBinary(major: number): string {
  const dir = join(tmpdir(), "experience-users-node-binaries", `node${major}`);
  const binary = join(dir, "node_modules", "node", "bin", "node");
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: `node${major}`, private: true, allowScripts: { node: true } }),
    );
    npm(["install", "--no-audit", "--no-fund", `node@${major}`], dir);
  }
  const version = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
  if (!version.startsWith(`v${major}.`)) throw new Error(`expected Node ${major}, got ${version}`);
  return binary;
}
