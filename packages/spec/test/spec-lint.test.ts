import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
}

/** The APIs of the root redocly.yaml: the hand-written spec and its published copy (with code samples). */
const apis = [
  { api: "experience-users", file: "spec/experience-users.yaml" },
  {
    api: "experience-users-published",
    file: "packages/spec/src/generated/spec/experience-users.json",
  },
];

describe("redocly lint", () => {
  it.each(apis)(
    "$file passes (recommended-strict + redocly.yaml) with no errors and no warnings",
    ({ api }) => {
      let output: string;
      try {
        output = execFileSync("npx", ["redocly", "lint", api, "--format=json"], {
          cwd: root,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
      } catch (error) {
        output = (error as { stdout: string }).stdout;
      }
      const report = JSON.parse(output.slice(output.indexOf("{"))) as {
        totals: { errors: number; warnings: number };
        problems: LintProblem[];
      };
      expect(report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    },
    60_000,
  );
});
