import { execFileSync } from "node:child_process";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const pkg = fileURLToPath(new URL("..", import.meta.url));

const probe = `
import * as v from "@experience-users/validators";
const results = [
  v.isExperienceUserPost({ email: "a@example.com", password: "aUserPassword" }),
  v.isExperienceUserPost({ email: "a@example.com", password: "short" }),
  v.isExperienceUser({
    id: "575ec8687ae143cd83dc4a97",
    experienceUserId: "575ec8687ae143cd83dc4a97",
    applicationId: "575ec8687ae143cd83dc4a97",
    email: "a@example.com",
    creationDate: "2016-06-13T04:00:00.000Z",
    lastUpdated: "2016-06-13T04:00:00.000Z",
    avatarUrl: "https://example.com/a.png",
  }),
  v.isUserTags({ ["\\u00e9"]: "x" }),
  v.isExperienceUserPatch({ firstName: "\\u{1F600}".repeat(1024) }),
];
globalThis.__result = results;
`;

describe("the validators package is pure ESM", () => {
  it("imports and validates under plain Node ESM, where require does not exist", () => {
    const out = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", `${probe}\nconsole.log(JSON.stringify(globalThis.__result));`],
      { cwd: pkg, encoding: "utf8" },
    );
    expect(JSON.parse(out)).toEqual([true, false, true, false, true]);
  });

  it("bundles for the browser with no Node built-in and no require, and runs without them", async () => {
    const result = await build({
      stdin: { contents: probe, resolveDir: pkg, loader: "js" },
      bundle: true,
      platform: "browser",
      format: "iife",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect(inputs.filter((i) => builtins.has(i))).toEqual([]);
    const code = result.outputFiles[0]?.text ?? "";
    expect(code).not.toMatch(/typeof require|var __require =/);
    const sandbox: Record<string, unknown> = {};
    runInNewContext(code, { globalThis: sandbox }, { timeout: 5_000 });
    expect(sandbox.__result).toEqual([true, false, true, false, true]);
  });
});
