/**
 * Writes the client's version, read from packages/client/package.json, into the client package:
 * its default `User-Agent` (`experience-users-client/<version>`) names it. A version bump without
 * `npm run generate` is caught by the drift test like any stale generated file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { banner, writeTarget } from "./lib/generated-files.ts";
import { repoRoot } from "./lib/paths.ts";
import { targets } from "./lib/targets.ts";

const { from } = targets.version;
if (!from) throw new Error("scripts/targets.json: the version target names no `from` file");
const manifest = JSON.parse(readFileSync(join(repoRoot, from), "utf8")) as {
  name: string;
  version: string;
};

writeTarget("version", [
  {
    name: "version.gen.ts",
    contents: [
      banner("version"),
      "",
      `/** The version of ${manifest.name}, as its package.json says. */`,
      `export const VERSION = ${JSON.stringify(manifest.version)};`,
    ].join("\n"),
  },
]);
