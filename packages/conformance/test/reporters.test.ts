import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  type ConformanceReport,
  formatJson,
  formatJunit,
  formatTable,
  progressReporter,
  type StepResult,
} from "../src/index.js";

const failed: StepResult = {
  name: 'get: <odd> & "quoted" \u0007 step',
  operationId: "getExperienceUser",
  request: "GET /applications/575ec8687ae143cd83dc4a97/experience/users/6b0f2f1c3cb4483bc0f5e527",
  status: 200,
  durationMs: 12,
  attempts: 2,
  verdict: "fail",
  violations: [
    {
      step: 'get: <odd> & "quoted" \u0007 step',
      kind: "schema",
      pointer: "/firstName",
      rule: "type",
      schemaPath: "#/properties/firstName/type",
      message: "must be string, not <number> & such",
      received: 42,
    },
    {
      step: 'get: <odd> & "quoted" \u0007 step',
      kind: "schema",
      pointer: "/totalCount",
      rule: "required",
      schemaPath: "#/required",
      message: "must have required property 'totalCount'",
    },
  ],
};

const report: ConformanceReport = {
  conforms: false,
  baseUrl: "http://127.0.0.1:4020",
  applicationId: "575ec8687ae143cd83dc4a97",
  spec: { title: "Losant Experience Users API", version: "1.0.0" },
  readOnly: false,
  stateless: false,
  startedAt: "2026-11-25T10:15:00.000Z",
  durationMs: 1234,
  testEmail: "conformance+20261125t101500z-3f9a1c2b7d4e@example.com",
  interrupted: false,
  summary: { steps: 3, passed: 1, failed: 1, skipped: 1, violations: 2 },
  steps: [
    {
      name: "list: no parameters",
      operationId: "listExperienceUsers",
      status: 200,
      durationMs: 5,
      attempts: 1,
      verdict: "pass",
      violations: [],
    },
    failed,
    {
      name: "create: test user",
      operationId: "createExperienceUser",
      durationMs: 0,
      attempts: 0,
      verdict: "skip",
      skipReason: "read-only: this step changes data",
      violations: [],
    },
  ],
  cleanup: [
    {
      id: "6b0f2f1c3cb4483bc0f5e527",
      email: "conformance+x@example.com",
      outcome: "failed",
      status: 500,
      detail: "delete answered 500",
    },
  ],
};

describe("reporters", () => {
  it("formatTable lists each step with its status, time and verdict, then each violation with pointer, rule and value", () => {
    const text = formatTable(report);
    expect(text).toMatch(/│ list: no parameters +│ 200 +│ 5 ms +│ pass +│/);
    expect(text).toMatch(/│ 200 +│ 12 ms \(2 tries\) +│ FAIL \(2\) +│/);
    expect(text).toMatch(/│ create: test user +│ +│ +│ skip: read-only: this step changes data │/);
    expect(text).toContain(
      "/firstName type (#/properties/firstName/type): must be string, not <number> & such; received 42",
    );
    expect(text).toContain(
      "/totalCount required (#/required): must have required property 'totalCount'; received (missing)",
    );
    expect(text).toContain(
      "NOT DELETED user 6b0f2f1c3cb4483bc0f5e527 (conformance+x@example.com): delete answered 500",
    );
    expect(text.trimEnd().split("\n").pop()).toBe(
      "Does not conform: 3 steps (1 passed, 1 failed, 1 skipped), 2 violations.",
    );
  });

  it("formatJson is the report itself", () => {
    expect(JSON.parse(formatJson(report))).toEqual(report);
  });

  it("formatJunit writes well-formed XML with one case per step and per cleanup, escaping what XML cannot hold", () => {
    const text = formatJunit(report);
    expect(XMLValidator.validate(text)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(text);
    const suite = parsed.testsuites.testsuite;
    expect(suite).toMatchObject({ "@_tests": "4", "@_failures": "2", "@_skipped": "1" });
    const cases = suite.testcase as Record<string, unknown>[];
    expect(cases.map((c) => c["@_name"])).toEqual([
      "list: no parameters",
      'get: <odd> & "quoted" \uFFFD step',
      "create: test user",
      "cleanup: 6b0f2f1c3cb4483bc0f5e527",
    ]);
    expect(cases[1]).toMatchObject({ "@_classname": "getExperienceUser", "@_time": "0.012" });
    expect(JSON.stringify(cases[1])).toContain("/firstName type (#/properties/firstName/type)");
    expect(text).toContain('name="get: &lt;odd&gt; &amp; &quot;quoted&quot; \uFFFD step"');
    expect(text).toContain("must be string, not &lt;number&gt; &amp; such");
    expect(cases[2]).toHaveProperty("skipped");
    expect(JSON.stringify(cases[3])).toContain("delete it by hand");
  });

  it.each([
    {
      description: "on a terminal, one line rewritten in place",
      isTTY: true,
      expected: [
        "\r\u001b[2K[1/3] list: no parameters …",
        "\r\u001b[2K[1/3] list: no parameters: pass 200 5 ms",
        "\r\u001b[2K",
      ],
    },
    {
      description: "elsewhere, one plain line per finished step",
      isTTY: false,
      expected: ["[1/3] list: no parameters: pass 200 5 ms\n"],
    },
  ])("progressReporter writes $description", ({ isTTY, expected }) => {
    const written: string[] = [];
    const progress = progressReporter({ isTTY, write: (text: string) => written.push(text) });
    progress.onProgress({ type: "step-start", index: 0, total: 3, name: "list: no parameters" });
    progress.onProgress({
      type: "step-end",
      index: 0,
      total: 3,
      result: report.steps[0] as StepResult,
    });
    progress.finish();
    expect(written).toEqual(expected);
  });
});
