import type { CleanupResult, ConformanceReport, StepResult } from "../report.js";
import { describeViolation } from "./describe-violation.js";

// Written here rather than with junit-report-builder 5.1.2: that package installs 6.3 MB
// (lodash, xmlbuilder, make-dir), takes 60-80 ms to import on this machine, and its types declare
// an ES default export over a CommonJS module (wrong under NodeNext). JUnit needs four elements.

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(text: string): string {
  return text
    .replace(NOT_XML, "\uFFFD")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

type Attributes = Readonly<Record<string, string | number>>;

function attributesText(attributes: Attributes): string {
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${xmlText(String(value))}"`)
    .join("");
}

/** `<name a="1">children</name>`, or `<name a="1"/>` without children (already XML). */
function element(name: string, attributes: Attributes, children: readonly string[] = []): string {
  const attrs = attributesText(attributes);
  return children.length === 0
    ? `<${name}${attrs}/>`
    : `<${name}${attrs}>${children.join("")}</${name}>`;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function stepCase(step: StepResult): string {
  const attributes = {
    classname: step.operationId,
    name: step.name,
    time: seconds(step.durationMs),
  };
  if (step.verdict === "skip") {
    return element("testcase", attributes, [
      element("skipped", { message: step.skipReason ?? "" }),
    ]);
  }
  const [first] = step.violations;
  if (first === undefined) return element("testcase", attributes);
  const lines = [step.request ?? "", ...step.violations.map(describeViolation)];
  const failure = element(
    "failure",
    {
      message: `${step.violations.length} violation(s): ${describeViolation(first)}`,
      type: first.kind,
    },
    [xmlText(lines.join("\n"))],
  );
  return element("testcase", attributes, [failure]);
}

function cleanupCase(result: CleanupResult): string {
  const attributes = {
    classname: "cleanup",
    name: `cleanup: ${result.id ?? result.email ?? "users"}`,
    time: seconds(0),
  };
  if (result.outcome !== "failed") return element("testcase", attributes);
  const who = result.email ? ` (${result.email})` : "";
  const message = `not deleted${who}: ${result.detail ?? ""}; delete it by hand`;
  return element("testcase", attributes, [element("failure", { message, type: "cleanup" })]);
}

/** The report as JUnit XML (`--junit FILE`): one test case per step and per cleanup result. */
export function formatJunit(report: ConformanceReport): string {
  const cleanupFailures = report.cleanup.filter((result) => result.outcome === "failed").length;
  const counts = {
    tests: report.steps.length + report.cleanup.length,
    failures: report.summary.failed + cleanupFailures,
    errors: 0,
    skipped: report.summary.skipped,
    time: seconds(report.durationMs),
  };
  const properties = Object.entries({
    baseUrl: report.baseUrl,
    applicationId: report.applicationId,
    spec: `${report.spec.title} ${report.spec.version}`,
    readOnly: String(report.readOnly),
    stateless: String(report.stateless),
    interrupted: String(report.interrupted),
    ...(report.testEmail ? { testEmail: report.testEmail } : {}),
  }).map(([name, value]) => element("property", { name, value }));
  const suite = {
    name: `Experience Users conformance of ${report.baseUrl}`,
    timestamp: report.startedAt,
    ...counts,
  };
  const cases = [...report.steps.map(stepCase), ...report.cleanup.map(cleanupCase)];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributesText({ name: "experience-users-conformance", ...counts })}>`,
    `  <testsuite${attributesText(suite)}>`,
    "    <properties>",
    ...properties.map((property) => `      ${property}`),
    "    </properties>",
    ...cases.map((testcase) => `    ${testcase}`),
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
