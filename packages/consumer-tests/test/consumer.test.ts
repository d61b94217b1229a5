import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleBytes } from "@experience-users/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  nodeBinary,
  packAll,
  publicPackages,
  repoRoot,
  scratchProject,
} from "./support/scratch-project.js";

/**
 * Bytes (minified, gzip -9) a browser app ships to list and create users: 4,943 on 2026-12-01
 * (1.0.0 shipped 4,796; the hooks, Accept-Version and the reading of answers took it to 5,470;
 * one runner of calls with its state in closures brought it to 4,984, and the abort signal's
 * reason as the typed error to 4,943); openapi-fetch is about 2,300 of them and the Node
 * transport adds nothing. A change that grows it past this (about 1% over) fails here.
 */
const BROWSER_BUNDLE_BUDGET = 4_990;

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

  it.each(runtimes)(
    "a CommonJS script require()s the packages and lists users on $description",
    ({ binary, major }) => {
      const out = execFileSync(binary(), ["require-users.cjs"], {
        cwd: app,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(JSON.parse(out.trim().split("\n").pop() ?? "{}")).toEqual({
        node: expect.stringMatching(new RegExp(`^v${major}\\.`)),
        emails: ["ada@example.com"],
        missingIsApiError: true,
        nodeTransport: "function",
      });
    },
  );

  const conditions = [
    { description: "Node itself", flags: [], entry: "dist/index.node.js" },
    // Jest's jsdom environment resolves with both, `browser` listed last.
    {
      description: "the browser and node conditions together",
      flags: ["--conditions=browser"],
      entry: "dist/index.js",
    },
  ];

  it.each(conditions)("resolves the client's entry for $description", ({ flags, entry }) => {
    const resolved = execFileSync(
      process.execPath,
      [...flags, "-p", 'require.resolve("@experience-users/client")'],
      { cwd: app, encoding: "utf8" },
    );
    expect(resolved.trim()).toBe(join(app, "node_modules/@experience-users/client", entry));
  });

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
    const bundle = await bundleBytes(readFileSync(join(app, entry), "utf8"), { dir: app });
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    return { ...bundle, nodeBuiltins: bundle.inputs.filter((input) => builtins.has(input)) };
  }

  it("bundles the client for the browser without any Node-only module, no larger than its budget", async () => {
    const { inputs, code, gzipped, nodeBuiltins } = await browserBundle("browser-entry.mjs");
    expect(nodeBuiltins).toEqual([]);
    expect(inputs.filter((input) => /fake-server|validators|ajv|undici/.test(input))).toEqual([]);
    // The Node entry and the Node transport stay out: the browser build is dist/index.js.
    expect(inputs.filter((input) => /client\/dist\/(node|index\.node)/.test(input))).toEqual([]);
    expect(inputs.some((input) => input.includes("@experience-users/client"))).toBe(true);
    expect(code).not.toMatch(/\brequire\(|process\.env|node:/);
    expect(gzipped).toBeLessThanOrEqual(BROWSER_BUNDLE_BUDGET);
  });

  it("bundles the fake and its MSW handlers for the browser without any Node-only module", async () => {
    const { inputs, nodeBuiltins } = await browserBundle("browser-fake-entry.mjs");
    expect(nodeBuiltins).toEqual([]);
    expect(inputs).toContain("node_modules/@experience-users/fake-server/dist/index.js");
    expect(inputs).toContain("node_modules/@experience-users/fake-server/dist/msw.js");
    const nodeOnly = inputs.filter((input) => /serve-fake-server|dist\/node\//.test(input));
    expect(nodeOnly).toEqual([]);
  });
});
