import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import {
  formatJson,
  formatJunit,
  formatTable,
  runConformance,
  type Violation,
} from "../src/index.js";
import {
  editJson,
  type Fault,
  type FaultServerState,
  type PassingAnswer,
  type SeenRequest,
  startFaultServer,
} from "./support/fault-server.js";
import { APPLICATION_ID, seededFake, storeSnapshot } from "./support/seeded-fake.js";

const USER_PATH = /\/experience\/users\/([0-9a-f]{24})$/;
const LIST_PATH = /\/experience\/users$/;

type Matcher = (request: SeenRequest, answer: PassingAnswer, state: FaultServerState) => boolean;

const isGetOfCreated: Matcher = (request, _answer, state) =>
  request.method === "GET" && state.createdIds.has(USER_PATH.exec(request.path)?.[1] ?? "");

/** Applies `fault` to the first exchange that `matches` and passes every other answer as it is. */
function once(matches: Matcher, fault: Fault): () => Fault {
  return () => {
    let done = false;
    return (request, answer, state) => {
      if (done || !matches(request, answer, state)) return answer;
      done = true;
      return fault(request, answer, state);
    };
  };
}

interface FaultCase {
  description: string;
  fault: () => Fault;
  timeout?: number;
  expected: Partial<Violation> & Pick<Violation, "step" | "pointer" | "rule">;
}

const cases: FaultCase[] = [
  {
    description: "a field of the wrong type (firstName: 42)",
    fault: once(isGetOfCreated, (_r, answer) =>
      editJson(answer, (body) => {
        body.firstName = 42;
      }),
    ),
    expected: {
      step: "get: created user",
      pointer: "/firstName",
      rule: "type",
      kind: "schema",
      received: 42,
    },
  },
  {
    description: "a required field missing (totalCount)",
    fault: once(
      (request) =>
        request.method === "GET" &&
        LIST_PATH.test(request.path) &&
        request.authorized &&
        [...request.query].length === 0,
      (_r, answer) =>
        editJson(answer, (body) => {
          delete body.totalCount;
        }),
    ),
    expected: {
      step: "list: no parameters",
      pointer: "/totalCount",
      rule: "required",
      kind: "schema",
      schemaPath: "#/required",
    },
  },
  {
    description: "an undocumented status (202 for a create)",
    fault: once(
      (request) => request.method === "POST",
      (_r, answer) => ({ ...answer, status: 202 }),
    ),
    expected: {
      step: "create: test user",
      pointer: "",
      rule: "documented-status",
      kind: "status",
      received: 202,
    },
  },
  {
    description: "a 500",
    fault: once(
      (request) => request.method === "PATCH",
      (_r, answer) => ({
        ...answer,
        status: 500,
        text: '{"type":"InternalError","message":"boom"}',
      }),
    ),
    expected: {
      step: "patch: names",
      pointer: "",
      rule: "server-error",
      kind: "status",
      received: 500,
    },
  },
  {
    description: "an answer slower than the timeout",
    timeout: 1_000,
    fault: once(
      (request) =>
        request.query.get("filter")?.endsWith("*") === true &&
        request.query.get("filter") !== "my*user",
      async (_r, answer) => {
        await delay(3_000);
        return answer;
      },
    ),
    expected: {
      step: "list: glob filter (*) finds it",
      pointer: "",
      rule: "timeout",
      kind: "transport",
    },
  },
  {
    description: "a create answer slower than the timeout (cleanup finds the user by its email)",
    timeout: 1_000,
    fault: once(
      (request) => request.method === "POST",
      async (_r, answer) => {
        await delay(3_000);
        return answer;
      },
    ),
    expected: { step: "create: test user", pointer: "", rule: "timeout", kind: "transport" },
  },
  {
    description: "a body that is not JSON",
    fault: once(
      (request) => request.query.get("sortDirection") === "desc",
      (_r, answer) => ({ ...answer, contentType: "text/html", text: "<html>oops</html>" }),
    ),
    expected: { step: "list: sortDirection=desc", pointer: "", rule: "json", kind: "schema" },
  },
  {
    description: "JSON sent as text/plain",
    fault: once(
      (request) => request.query.get("sortDirection") === "asc",
      (_r, answer) => ({ ...answer, contentType: "text/plain" }),
    ),
    expected: {
      step: "list: sortDirection=asc",
      pointer: "",
      rule: "content-type",
      received: "text/plain",
    },
  },
  {
    description: "the password echoed in an answer",
    fault: once(isGetOfCreated, (_r, answer, state) => {
      const create = state.requests.find((request) => request.method === "POST");
      const password = (create?.body as { password?: string } | undefined)?.password ?? "";
      return editJson(answer, (body) => {
        body.password = password;
      });
    }),
    expected: {
      step: "get: created user",
      pointer: "/password",
      rule: "write-only",
      kind: "expectation",
      received: "[redacted]",
    },
  },
  {
    description: "the password echoed in a field of the wrong type (the value is printed redacted)",
    fault: once(isGetOfCreated, (_r, answer, state) => {
      const create = state.requests.find((request) => request.method === "POST");
      const password = (create?.body as { password?: string } | undefined)?.password ?? "";
      return editJson(answer, (body) => {
        body.lastName = [`was ${password}`];
      });
    }),
    expected: {
      step: "get: created user",
      pointer: "/lastName",
      rule: "type",
      kind: "schema",
      received: ["was [redacted]"],
    },
  },
  {
    description: "a count that is not the number of items",
    fault: once(
      (request) => request.query.get("sortField") === "id",
      (_r, answer) =>
        editJson(answer, (body) => {
          body.count = 7;
        }),
    ),
    expected: { step: "list: sortField=id", pointer: "/count", rule: "echo", received: 7 },
  },
  {
    description: "the token echoed in an error message",
    fault: once(
      (request, answer) => request.method === "GET" && answer.status === 404,
      (_r, answer) =>
        editJson(answer, (body) => {
          body.message = "user not found for token fake-dev-token";
        }),
    ),
    expected: {
      step: "error: get an unknown user",
      pointer: "/message",
      rule: "secret-leak",
      kind: "expectation",
    },
  },
  {
    description: "a list answered without a token",
    fault: once(
      (request) => !request.authorized,
      (_r, answer) => ({
        ...answer,
        status: 200,
        text: '{"items":[],"count":0,"totalCount":0,"perPage":100,"page":0}',
      }),
    ),
    expected: {
      step: "error: list without a token",
      pointer: "",
      rule: "expected-status",
      received: 200,
    },
  },
  {
    description: "a filter the server ignores (it lists everyone)",
    fault: once(
      (request) => request.query.get("filter")?.endsWith("-nobody*") === true,
      (_r, answer, state) => {
        const users = state.fake.store.users(APPLICATION_ID);
        return editJson(answer, (body) => {
          body.items = users;
          body.count = users.length;
          body.totalCount = users.length;
        });
      },
    ),
    expected: { step: "list: glob filter misses it", pointer: "/items", rule: "must-not-find" },
  },
];

/** Runs the scenario through a fault server in front of a seeded fake, and closes it after. */
async function runThrough(fault?: Fault, timeout = 10_000) {
  const fake = seededFake();
  const before = storeSnapshot(fake);
  const server = await startFaultServer(fake, fault);
  try {
    const report = await runConformance({
      baseUrl: server.url,
      token: fake.token,
      applicationId: APPLICATION_ID,
      pace: 0,
      timeout,
    });
    return { report, fake, before, requests: server.requests };
  } finally {
    await server.close();
  }
}

describe("against a server with injected faults", () => {
  it("conforms through the same server when it injects no fault", async () => {
    const { report } = await runThrough();
    expect(report.steps.flatMap((step) => step.violations)).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it.each(cases)("names $description", async ({ fault, timeout, expected }) => {
    const { report, fake, before, requests } = await runThrough(fault(), timeout);
    const violations = report.steps.flatMap((step) => step.violations);
    expect(violations).toContainEqual(expect.objectContaining(expected));
    expect(report.conforms).toBe(false);
    expect(storeSnapshot(fake)).toBe(before);
    expect(fake.faults).toEqual([]);
    const printed = [formatTable(report), formatJson(report), formatJunit(report)].join("\n");
    const passwords = requests.flatMap((request) => {
      const password = (request.body as { password?: unknown } | undefined)?.password;
      return typeof password === "string" && password.length >= 8 ? [password] : [];
    });
    for (const secret of [fake.token, ...passwords]) expect(printed).not.toContain(secret);
  });
});
