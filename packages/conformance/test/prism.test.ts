import { freePort, type RunningPrism, startPrism } from "@experience-users/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConformanceReport, runConformance } from "../src/index.js";
import { APPLICATION_ID } from "./support/seeded-fake.js";

let prism: RunningPrism | undefined;

beforeAll(async () => {
  prism = await startPrism({ port: await freePort(), output: "capture", logLevel: "warn" });
});

afterAll(async () => {
  await prism?.stop();
});

function run(stateless: boolean): Promise<ConformanceReport> {
  if (!prism) throw new Error("Prism did not start");
  return runConformance({
    baseUrl: prism.url,
    token: "any-token-prism-takes-any",
    applicationId: APPLICATION_ID,
    pace: 0,
    stateless,
  });
}

function failures(report: ConformanceReport): Record<string, string[]> {
  return Object.fromEntries(
    report.steps
      .filter((step) => step.verdict === "fail")
      .map((step) => [
        step.name,
        step.violations.map((v) => `${v.pointer || "(answer)"} ${v.rule}`),
      ]),
  );
}

describe("against the Prism mock (stateless: it answers the spec's examples)", () => {
  it("with stateless: every status is documented and every body passes its schema", async () => {
    const report = await run(true);
    expect(failures(report)).toEqual({});
    expect(report.steps.filter((step) => step.verdict === "skip")).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it("without it: fails exactly the steps that need state, and touches no user it did not create", async () => {
    const report = await run(false);
    expect(failures(report)).toEqual({
      // Every id exists for Prism: it answers the example user.
      "error: get an unknown user": ["(answer) expected-status"],
      // The 201 is the spec's example user, not the one sent...
      "create: test user": ["/email echo", "/firstName echo", "/lastName echo", "/userTags echo"],
      // ...and nothing is stored, so the same email is accepted again.
      "error: create with the same email": ["(answer) expected-status"],
    });
    // The example user is not the run's (its email is not the one sent): nothing is patched or
    // deleted, and the steps that need the run's user are skipped.
    const skipped = report.steps.filter((step) => step.verdict === "skip");
    expect(new Set(skipped.map((step) => step.skipReason))).toEqual(
      new Set(["the run created no user to act on"]),
    );
    expect(skipped.map((step) => step.operationId)).toEqual(
      expect.arrayContaining(["updateExperienceUser", "deleteExperienceUser"]),
    );
    expect(
      report.steps.filter(
        (step) => step.operationId === "updateExperienceUser" && step.verdict !== "skip",
      ),
    ).toEqual([]);
    // The example user may not be deleted, so cleanup names it for a person to check.
    expect(report.cleanup).toEqual([
      expect.objectContaining({
        id: "58b9d782cbfafe1be675744d",
        email: "experienceuser@example.com",
        outcome: "failed",
      }),
    ]);
    expect(report.conforms).toBe(false);
  });
});
