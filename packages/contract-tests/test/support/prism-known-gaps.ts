import { sendRaw } from "./prism-raw-requests.js";
import { type ForbiddenCase, forbiddenRequests } from "./prism-request-cases.js";
import { exampleRequest } from "./prism-spec-examples.js";

/**
 * A way the Prism mock (5.14.2) departs from the spec. prism-known-gaps.test.ts runs every probe
 * and expects `whileTheGapLasts`: when a Prism upgrade closes a gap, that test fails and the case
 * moves out of this table (into the ordinary contract tests). The fake server covers each gap.
 */
export interface MockGap {
  /** What the spec asks for. */
  spec: string;
  /** What Prism does instead. */
  prism: string;
  /** Why Prism cannot do better. */
  reason: string;
  /** Sends the requests that show the gap and reports what Prism answered. */
  probe(url: string): Promise<unknown>;
  /** What `probe` reports while the gap lasts. */
  whileTheGapLasts: unknown;
}

/** The forbidden requests marked with the `query` gap; there must be some. */
function queryCases(): ForbiddenCase[] {
  const cases = forbiddenRequests.filter((c) => c.mockGap === "queryParameterNotValidated");
  if (cases.length === 0)
    throw new Error("no forbidden request is marked queryParameterNotValidated");
  return cases;
}

/** The name of a known mock gap. */
export type MockGapId =
  | "queryParameterNotValidated"
  | "tokenNotChecked"
  | "stateless"
  | "validationMessageIsStatic"
  | "nonJsonBodyAnswer";

/** The one table of known mock gaps. */
export const knownMockGaps: Record<MockGapId, MockGap> = {
  queryParameterNotValidated: {
    spec: "400 for a `query` that is not JSON or does not match Advanced Experience User Query",
    prism: "answers 200 to every such list request (the requests marked with this gap)",
    reason:
      "prism-http builds its parameter schema from each parameter's `schema` " +
      "(validator/validators/params.js); `query` is described by `content: application/json`, " +
      "so it is never decoded nor validated",
    probe: async (url) =>
      Promise.all(
        queryCases().map(async (c) => ({
          case: c.description,
          status: (await sendRaw(url, c.operationId, c.request)).status,
        })),
      ),
    whileTheGapLasts: queryCases().map((c) => ({ case: c.description, status: 200 })),
  },
  tokenNotChecked: {
    spec: "401 for an invalid, expired or revoked token; 403 for a token without an accepted scope",
    prism: "answers 200 to any `Authorization: Bearer <anything>`",
    reason:
      "Prism knows no tokens: its bearer check (validator/validators/security/handlers/bearer.js) " +
      "only matches /^Bearer\\s.+$/, so neither validity nor scopes can be enforced",
    probe: async (url) => {
      const { status } = await sendRaw(
        url,
        "getExperienceUser",
        exampleRequest("getExperienceUser"),
        {
          headers: { Authorization: "Bearer revoked-token-without-scopes" },
        },
      );
      return { status };
    },
    whileTheGapLasts: { status: 200 },
  },
  stateless: {
    spec: "a created user is listed and readable; a deleted or unknown user is 404",
    prism: "answers every call from the spec's examples: nothing is stored",
    reason: "Prism is a stateless mock: each answer comes from the spec alone",
    probe: async (url) => {
      const email = "created-by-the-gap-probe@example.com";
      const request = exampleRequest("createExperienceUser");
      const created = await sendRaw(url, "createExperienceUser", {
        ...request,
        body: { ...request.body, email },
      });
      const listed = await sendRaw(
        url,
        "listExperienceUsers",
        exampleRequest("listExperienceUsers"),
      );
      const items = (listed.body as { items?: { email?: string }[] }).items ?? [];
      const user = exampleRequest("getExperienceUser");
      const deleted = await sendRaw(url, "deleteExperienceUser", user);
      const readAfterDelete = await sendRaw(url, "getExperienceUser", user);
      return {
        created: created.status,
        createdEmailEchoed: (created.body as { email?: string }).email === email,
        listedAfterCreate: items.some((item) => item.email === email),
        deleted: deleted.status,
        readAfterDelete: readAfterDelete.status,
      };
    },
    whileTheGapLasts: {
      created: 201,
      createdEmailEchoed: false,
      listedAfterCreate: false,
      deleted: 200,
      readAfterDelete: 200,
    },
  },
  validationMessageIsStatic: {
    spec: "a 400's message says what is wrong with the request",
    prism:
      "answers every invalid request with the 400 response's example, whose message is about a " +
      "short password; the actual reason is only in the `sl-violations` header",
    reason: "Prism serves examples (or generated data); it cannot write the message itself",
    probe: async (url) => {
      const request = exampleRequest("listExperienceUsers");
      const answer = await sendRaw(url, "listExperienceUsers", { ...request, query: { page: -1 } });
      return { status: answer.status, body: answer.body, reason: answer.violations[0]?.message };
    },
    whileTheGapLasts: {
      status: 400,
      body: { type: "Validation", message: "body.password: must NOT have fewer than 8 characters" },
      reason: "Request query parameter page must be >= 0",
    },
  },
  nonJsonBodyAnswer: {
    spec: "400 with an Error body (`{ type, message }`) for a body that is not JSON",
    prism:
      "answers 400 quickly, with its HTTP layer's own body and no `sl-violations`; the spec's " +
      "Error schema accepts that body only because it requires no property",
    reason:
      "the body is parsed (micri's json()) before Prism's validator runs, so the failure never " +
      "reaches the spec's 400 response",
    probe: async (url) => {
      const answer = await sendRaw(
        url,
        "createExperienceUser",
        exampleRequest("createExperienceUser"),
        {
          rawBody: "not json{",
        },
      );
      return { status: answer.status, body: answer.body, violations: answer.violations };
    },
    whileTheGapLasts: {
      status: 400,
      body: { error: { code: "invalid_json", message: "Invalid JSON" } },
      violations: [],
    },
  },
};
