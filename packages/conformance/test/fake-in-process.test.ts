import {
  createFakeServer,
  EXAMPLE_APPLICATION_ID,
  type FakeServer,
} from "@experience-users/fake-server";
import { operations } from "@experience-users/spec";
import { describe, expect, it } from "vitest";
import {
  type ConformanceOptions,
  formatJson,
  formatJunit,
  formatTable,
  type ProgressEvent,
  runConformance,
} from "../src/index.js";
import { APPLICATION_ID, seededFake, storeSnapshot } from "./support/seeded-fake.js";

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/** The fake's fetch, recording what the runner sends. */
function observed(fake: FakeServer): {
  fetch: (request: Request) => Promise<Response>;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  return {
    sent,
    fetch: async (request) => {
      const text = await request.clone().text();
      sent.push({
        method: request.method,
        path: new URL(request.url).pathname,
        body: text === "" ? undefined : JSON.parse(text),
      });
      return fake.fetch(request);
    },
  };
}

function passwordsIn(sent: readonly Sent[]): string[] {
  return sent.flatMap(({ body }) => {
    const password = (body as { password?: unknown } | undefined)?.password;
    return typeof password === "string" && password.length >= 8 ? [password] : [];
  });
}

/** Runs the scenario against a fake in process, through `fetch` (default: the fake's own). */
function runAgainst(fake: FakeServer, options: Partial<ConformanceOptions> = {}) {
  return runConformance({
    baseUrl: fake.baseUrl,
    token: fake.token,
    applicationId: APPLICATION_ID,
    fetch: fake.fetch,
    pace: 0,
    ...options,
  });
}

describe("against the fake in process", () => {
  it("conforms, and leaves the store as it found it", async () => {
    const fake = seededFake();
    const before = storeSnapshot(fake);
    const { fetch, sent } = observed(fake);
    const events: ProgressEvent[] = [];
    const report = await runAgainst(fake, { fetch, onProgress: (event) => events.push(event) });
    expect(report.steps.filter((step) => step.verdict !== "pass")).toEqual([]);
    expect(report.conforms).toBe(true);
    expect(report.cleanup).toEqual([
      expect.objectContaining({ outcome: "gone", email: report.testEmail }),
    ]);
    expect(storeSnapshot(fake)).toBe(before);
    expect(fake.faults).toEqual([]);
    expect(report.testEmail).toMatch(/^conformance\+\d{8}t\d{6}z-[0-9a-f]{12}@example\.com$/);
    expect(events.filter((event) => event.type === "step-end")).toHaveLength(report.steps.length);
    expect(sent.filter((request) => request.method === "POST").length).toBe(3);
  });

  it("skips the get of a listed user when the application lists none", async () => {
    const fake = createFakeServer({ validateResponses: true });
    const report = await runAgainst(fake);
    expect(report.steps.filter((step) => step.verdict === "skip")).toEqual([
      expect.objectContaining({
        name: "get: first listed user",
        skipReason: "the application lists no user",
      }),
    ]);
    expect(report.conforms).toBe(true);
    expect(fake.store.users(EXAMPLE_APPLICATION_ID)).toEqual([]);
  });

  it("sends only GETs with readOnly, and skips every step that changes data", async () => {
    const fake = seededFake();
    const before = storeSnapshot(fake);
    const { fetch, sent } = observed(fake);
    const report = await runAgainst(fake, { fetch, readOnly: true });
    expect(new Set(sent.map((request) => request.method))).toEqual(new Set(["GET"]));
    const ran = report.steps.filter((step) => step.verdict !== "skip");
    expect(ran.every((step) => operations[step.operationId].method === "get")).toBe(true);
    expect(ran.map((step) => step.name)).toContain("get: first listed user");
    expect(report.steps.find((step) => step.name === "create: test user")).toMatchObject({
      verdict: "skip",
      skipReason: "read-only: this step changes data",
    });
    expect(report.conforms).toBe(true);
    expect(report.testEmail).toBeUndefined();
    expect(report.cleanup).toEqual([]);
    expect(storeSnapshot(fake)).toBe(before);
  });

  it("never prints the token or a password: not in the report, the table, the JSON or the JUnit", async () => {
    const fake = seededFake();
    const token = "conformance-secret-token-4f1c9e";
    fake.addToken(token, ["all.Application"]);
    const { fetch, sent } = observed(fake);
    const events: ProgressEvent[] = [];
    const report = await runAgainst(fake, {
      token,
      fetch,
      onProgress: (event) => events.push(event),
    });
    const passwords = passwordsIn(sent);
    expect(passwords).toHaveLength(3);
    const printed = [
      JSON.stringify(report),
      JSON.stringify(events),
      formatTable(report),
      formatJson(report),
      formatJunit(report),
    ].join("\n");
    for (const secret of [token, ...passwords]) expect(printed).not.toContain(secret);
    expect(report.conforms).toBe(true);
  });
});
