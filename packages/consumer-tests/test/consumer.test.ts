import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  nodeBinary,
  packAll,
  publicPackages,
  repoRoot,
  scratchProject,
} from "./support/scratch-project.js";

let work = "";
let app = "";

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "eu-consumer-"));
  app = scratchProject(work, packAll(join(work, "tarballs")), ["msw"]);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const runtimes = [
  { description: "Node 20 (this machine)", binary: () => process.execPath, major: 20 },
  { description: "Node 22", binary: () => nodeBinary(22), major: 22 },
  { description: "Node 24", binary: () => nodeBinary(24), major: 24 },
];

describe("installed from tarballs into a project outside the workspace", () => {
  it("installs every public package with nothing but its published files", () => {
    const names = publicPackages().map((p) => p.name);
    expect(names.sort()).toEqual([
      "@experience-users/client",
      "@experience-users/conformance",
      "@experience-users/fake-server",
      "@experience-users/spec",
      "@experience-users/validators",
    ]);
    for (const name of names) {
      const manifest = JSON.parse(
        readFileSync(join(app, "node_modules", name, "package.json"), "utf8"),
      );
      expect(manifest.files).toEqual(["dist"]);
    }
    expect(
      readFileSync(
        join(app, "node_modules/@experience-users/spec/dist/generated/spec/experience-users.yaml"),
        "utf8",
      ),
    ).toContain("openapi: 3.1.0");
  });

  const scripts = [
    {
      behaviour: "an ESM script lists users through the client against the fake and validates them",
      script: "list-users.mjs",
      expected: {
        createdIsValid: true,
        pageIsValid: true,
        emails: ["bob@example.com", "ada@example.com"],
        totalCount: 2,
        leaksPassword: false,
      },
    },
    {
      behaviour:
        "a Node test with MSW's setupServer in front of the fake serves the default client",
      script: "msw-users.mjs",
      expected: { emails: ["ada@example.com"], anonymous: 401, unknown: "refused", faults: 0 },
    },
  ];

  it.each(scripts.flatMap((script) => runtimes.map((runtime) => ({ ...script, ...runtime }))))(
    "$behaviour on $description",
    ({ script, expected, binary, major }) => {
      const out = execFileSync(binary(), [script], { cwd: app, encoding: "utf8", timeout: 60_000 });
      expect(JSON.parse(out.trim().split("\n").pop() ?? "{}")).toEqual({
        node: expect.stringMatching(new RegExp(`^v${major}\\.`)),
        ...expected,
      });
    },
  );

  it.each(runtimes)(
    "the conformance runner, as a library and as the linked bin, conforms against the installed fake on $description",
    ({ binary, major }) => {
      const bin = join(app, "node_modules/.bin/experience-users-conformance");
      const out = execFileSync(binary(), ["conformance.mjs", bin], {
        cwd: app,
        encoding: "utf8",
        timeout: 120_000,
      });
      const result = JSON.parse(out.trim().split("\n").pop() ?? "{}");
      expect(result).toEqual({
        node: expect.stringMatching(new RegExp(`^v${major}\\.`)),
        libraryConforms: true,
        binConforms: true,
        usersLeft: 0,
      });
    },
  );

  const resolutions = [
    { description: "node16", compilerOptions: { module: "node16", moduleResolution: "node16" } },
    { description: "bundler", compilerOptions: { module: "esnext", moduleResolution: "bundler" } },
  ];

  it.each(resolutions)(
    "type-checks a consumer file with moduleResolution $description (TypeScript 5, libraries checked too)",
    ({ description, compilerOptions }) => {
      const config = `tsconfig.${description}.json`;
      writeFileSync(
        join(app, config),
        JSON.stringify({
          compilerOptions: {
            ...compilerOptions,
            target: "es2022",
            lib: ["es2023", "dom"],
            strict: true,
            noEmit: true,
            types: [],
            skipLibCheck: false,
          },
          files: ["consumer.ts"],
        }),
      );
      const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
      const version = execFileSync(process.execPath, [tsc, "--version"], { encoding: "utf8" });
      expect(version).toMatch(/^Version 5\./);
      const run = () =>
        execFileSync(process.execPath, [tsc, "-p", config], {
          cwd: app,
          encoding: "utf8",
          stdio: "pipe",
        });
      expect(run).not.toThrow();
    },
  );

  /** A browser bundle of a fixture of the scratch project: its inputs, its code, its Node built-ins. */
  async function browserBundle(entry: string) {
    const result = await build({
      entryPoints: [join(app, entry)],
      absWorkingDir: app,
      bundle: true,
      platform: "browser",
      format: "esm",
      minify: true,
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    return {
      inputs,
      code: result.outputFiles[0]?.text ?? "",
      nodeBuiltins: inputs.filter((input) => builtins.has(input)),
    };
  }

  it("bundles the client for the browser without any Node-only module", async () => {
    const { inputs, code, nodeBuiltins } = await browserBundle("browser-entry.mjs");
    expect(nodeBuiltins).toEqual([]);
    expect(inputs.filter((input) => /fake-server|validators|ajv/.test(input))).toEqual([]);
    expect(inputs.some((input) => input.includes("@experience-users/client"))).toBe(true);
    expect(code).not.toMatch(/\brequire\(|process\.env|node:/);
  });

  it("bundles the fake and its MSW handlers for the browser without any Node-only module", async () => {
    const { inputs, nodeBuiltins } = await browserBundle("browser-fake-entry.mjs");
    expect(nodeBuiltins).toEqual([]);
    expect(inputs).toContain("node_modules/@experience-users/fake-server/dist/index.js");
    expect(inputs).toContain("node_modules/@experience-users/fake-server/dist/msw.js");
    const nodeOnly = inputs.filter((input) => /serve-fake-server|@hono\/node-server/.test(input));
    expect(nodeOnly).toEqual([]);
  });
});
