import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
}

describe("spec/experience-users.yaml", () => {
  it("passes redocly lint (recommended-strict + redocly.yaml) with no errors and no warnings", () => {
    let output: string;
    try {
      output = execFileSync("npx", ["redocly", "lint", "--format=json"], {
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
  }, 60_000);
});
