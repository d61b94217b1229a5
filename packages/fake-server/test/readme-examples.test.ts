import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const examples = [
  { description: "in process", file: "examples/in-process.ts" },
  { description: "over HTTP", file: "examples/over-http.ts" },
  { description: "behind MSW", file: "examples/behind-msw.ts" },
];
const readmes = [
  { readme: "packages/fake-server/README.md", path: new URL("../README.md", import.meta.url) },
  { readme: "README.md", path: new URL("../../../README.md", import.meta.url) },
];

function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? "");
}

describe("the README examples of the three ways to run the fake", () => {
  it.each(examples)("the $description example runs and lists the user it created", ({ file }) => {
    // Run as a reader would, in a fresh process; behind MSW, a request that escaped would fail
    // (no network here, and onUnhandledRequest is "error").
    const out = execFileSync(process.execPath, ["--import", "tsx", file], {
      cwd: packageDir,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(out.trim()).toBe("[ 'ada@example.com' ]");
  });

  it.each(readmes.flatMap((readme) => examples.map((example) => ({ ...readme, ...example }))))(
    "$readme shows the $description example as $file has it",
    ({ path, file }) => {
      const example = readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
      expect(tsBlocks(readFileSync(path, "utf8"))).toContain(example);
    },
  );
});
