import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publicPackages, repoRoot } from "./support/scratch-project.js";

const packages = publicPackages().map((p) => ({
  ...p,
  manifest: JSON.parse(readFileSync(join(p.dir, "package.json"), "utf8")),
}));
const bin = (name: string) => join(repoRoot, "node_modules/.bin", name);

describe.each(packages)("$name", ({ dir, manifest }) => {
  it("has the fields consumers rely on", () => {
    expect(manifest).toMatchObject({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      description: expect.any(String),
      license: "MIT",
      repository: {
        type: "git",
        url: expect.any(String),
        directory: expect.stringMatching(/^packages\//),
      },
      type: "module",
      sideEffects: false,
      files: ["dist"],
      engines: { node: expect.any(String) },
    });
    const root = manifest.exports["."];
    expect(Object.keys(root)[0]).toBe("types");
  });

  it("ships a README with install, quickstart and API sections, and the LICENSE", () => {
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    expect(readme).toMatch(/## Install/);
    expect(readme).toMatch(/## Quickstart/);
    expect(readme).toMatch(/## API/);
    expect(readFileSync(join(dir, "LICENSE"), "utf8")).toBe(
      readFileSync(join(repoRoot, "LICENSE"), "utf8"),
    );
  });

  it("passes publint with no problems", () => {
    const out = execFileSync(bin("publint"), ["--strict", "."], { cwd: dir, encoding: "utf8" });
    expect(out).toContain("All good!");
  });

  it("passes attw --pack (ESM-only profile: require() of ESM is left to Node 20.19+) with no problems", () => {
    // Non-module assets (the spec as YAML) are exports too; no module resolution applies to them.
    const assets = Object.keys(manifest.exports).filter((entry) => entry.endsWith(".yaml"));
    const exclude = assets.length > 0 ? ["--exclude-entrypoints", ...assets] : [];
    const args = ["--pack", ".", "--profile", "esm-only", "--format", "table-flipped", ...exclude];
    const run = () =>
      execFileSync(bin("attw"), args, { cwd: dir, encoding: "utf8", stdio: "pipe" });
    expect(run).not.toThrow();
  }, 60_000);
});
