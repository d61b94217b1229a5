import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ServedFakeServer, serveFakeServer } from "@experience-users/fake-server";
import { createClient as generateClient } from "@hey-api/openapi-ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guideFixture } from "./support/guide-fixture.js";
import { pointAt, type RunResult, run, sampleFolder, TSC } from "./support/sample-runners.js";
import { readSpecOutline, SPEC_FILE } from "./support/spec-outline.js";

/**
 * README's "Using the spec with other tools", checked: hey-api's generator on the published spec,
 * its output type-checked with README's recipe program and run against the HTTP fake, with and
 * without the recipe's query serializer; and `redocly bundle --dereferenced` JSON vs YAML.
 */
const README = fileURLToPath(new URL("../../../README.md", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SECTION = "## Using the spec with other tools";
const spec = readSpecOutline();
const emails = (guideFixture.applications?.[0]?.users ?? []).map((user) => user.email);

/** The first TypeScript block of README's section: the recipe program. */
function readmeRecipe(): string {
  const text = readFileSync(README, "utf8");
  const start = text.indexOf(SECTION);
  if (start === -1) throw new Error(`README.md has no "${SECTION}" section`);
  const block = /```ts\n([\s\S]*?)```/.exec(text.slice(start))?.[1];
  if (!block?.includes("querySerializer"))
    throw new Error("the section's ts block has no querySerializer");
  return block;
}

/** The emails a program printed with `console.log(array)`, in the fixture's order. */
function printedEmails(result: RunResult): string[] {
  return emails.filter((email) => result.stdout.includes(`'${email}'`));
}

const folder = sampleFolder();
let served: ServedFakeServer;
const answered: string[] = [];
let typeCheck: RunResult;
const recipe = readmeRecipe();

beforeAll(async () => {
  served = await serveFakeServer({
    port: 0,
    validateResponses: true,
    fixture: guideFixture,
    log: (line) => answered.push(line),
  });
  await generateClient({
    input: SPEC_FILE,
    output: join(folder.dir, "generated"),
    plugins: ["@hey-api/client-fetch"],
    logs: { level: "silent" },
  });
  const target = { serverUrl: spec.serverUrl, baseUrl: served.url, token: served.fake.token };
  const withRecipe = pointAt(recipe, target);
  const withoutRecipe = withRecipe
    .split("\n")
    .filter((line) => !line.includes("querySerializer"))
    .join("\n");
  folder.write("with-recipe.mts", withRecipe);
  folder.write("without-recipe.mts", withoutRecipe);
  folder.write(
    "flat-query.mts",
    [
      'import { createClient, createConfig } from "./generated/client/index.js";',
      'import { listExperienceUsers } from "./generated/sdk.gen.js";',
      `const losant = createClient(createConfig({ baseUrl: ${JSON.stringify(served.url)}, auth: ${JSON.stringify(served.fake.token)} }));`,
      "const { data, request } = await listExperienceUsers({",
      "  client: losant,",
      `  path: { applicationId: ${JSON.stringify(guideFixture.applications?.[0]?.id)} },`,
      '  query: { query: { firstName: "Bob" } },',
      "});",
      "console.log(decodeURIComponent(request.url));",
      "console.log(data?.items.map((user) => user.email));",
    ].join("\n"),
  );
  folder.write(
    "tsconfig.json",
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2023", "DOM", "DOM.Iterable"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        skipLibCheck: true,
        types: ["node"],
        outDir: "out",
      },
      include: ["*.mts", "generated/**/*.ts"],
    }),
  );
  typeCheck = await run(process.execPath, [TSC, "-p", folder.dir], { timeout: 90_000 });
}, 120_000);

afterAll(async () => {
  await served?.close();
  folder.remove();
});

describe("@hey-api/openapi-ts on the published spec", () => {
  it("generates a client that type-checks (strict) with README's recipe", () => {
    expect(typeCheck.stdout + typeCheck.stderr).toBe("");
    expect(typeCheck.code).toBe(0);
  });

  it("with README's query serializer, the nested advanced query finds the right users", async () => {
    const result = await run(process.execPath, [join(folder.dir, "out/with-recipe.mjs")]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(printedEmails(result)).toEqual(["ada@example.com", "grace@navy.example.org"]);
  });

  it("without it, the nested advanced query throws before anything is sent", async () => {
    answered.length = 0;
    const result = await run(process.execPath, [join(folder.dir, "out/without-recipe.mjs")]);
    expect(answered).toEqual([]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Deeply-nested arrays/objects aren’t supported");
  });

  it("without it, a flat advanced query is sent as query[firstName]=Bob and finds every user", async () => {
    const result = await run(process.execPath, [join(folder.dir, "out/flat-query.mjs")]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("?query[firstName]=Bob");
    expect(printedEmails(result)).toEqual(emails);
  });
});

describe("redocly bundle --dereferenced", () => {
  const bundle = (ext: "json" | "yaml", dereferenced = true) =>
    run(
      process.execPath,
      [
        join(REPO_ROOT, "node_modules/@redocly/cli/bin/cli.js"),
        "bundle",
        SPEC_FILE,
        ...(dereferenced ? ["--dereferenced"] : []),
        "-o",
        join(folder.dir, `bundled${dereferenced ? "" : "-refs"}.${ext}`),
      ],
      { cwd: REPO_ROOT, timeout: 60_000 },
    );

  it("cannot write JSON for the recursive Advanced Experience User Query (exit code 1)", async () => {
    const result = await bundle("json");
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(
      "Detected circular reference which can't be converted to JSON",
    );
  });

  it("writes YAML, the cycle as anchors and aliases", async () => {
    const result = await bundle("yaml");
    expect(result.code).toBe(0);
    const yaml = readFileSync(join(folder.dir, "bundled.yaml"), "utf8");
    expect(yaml).toMatch(/&ref_\d+/);
    expect(yaml).toMatch(/\*ref_\d+/);
  });

  it("without --dereferenced, writes JSON (the $refs kept)", async () => {
    const result = await bundle("json", false);
    expect(result.code).toBe(0);
    const bundled = JSON.parse(readFileSync(join(folder.dir, "bundled-refs.json"), "utf8"));
    expect(JSON.stringify(bundled)).toContain(
      '"$ref":"#/components/schemas/AdvancedExperienceUserQuery"',
    );
  });
});
