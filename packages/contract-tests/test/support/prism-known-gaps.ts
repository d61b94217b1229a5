import { sendRaw } from "./prism-raw-requests.js";
import { exampleRequest } from "./prism-spec-examples.js";

/**
 * A way the mock (Prism 5.14.2 behind the guard) departs from the spec. prism-known-gaps.test.ts
 * runs every probe and expects `whileTheGapLasts`: when a change closes a gap, that test fails
 * and the case moves out of this table (into the table of requests the mock and the fake answer
 * alike). The fake server covers each gap.
 */
export interface MockGap {
  /** What the spec asks for. */
  spec: string;
  /** What the mock does instead. */
  mock: string;
  /** Why it cannot do better. */
  reason: string;
  /** Sends the requests that show the gap and reports what Prism answered. */
  probe(url: string): Promise<unknown>;
  /** What `probe` reports while the gap lasts. */
  whileTheGapLasts: unknown;
}

/** The name of a known mock gap. */
export type MockGapId = "tokenNotChecked" | "stateless";

/** The one table of known mock gaps. */
export const knownMockGaps: Record<MockGapId, MockGap> = {
  tokenNotChecked: {
    spec: "401 for an invalid, expired or revoked token; 403 for a token without an accepted scope",
    mock: "answers 200 to any `Authorization: Bearer <anything>`",
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
    mock: "answers every call from the spec's examples: nothing is stored",
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
};
