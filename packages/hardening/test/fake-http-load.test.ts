import { ApiError, createClient } from "@experience-users/client";
import { createNodeFetch } from "@experience-users/client/node";
import { DEV_TOKEN, EXAMPLE_APPLICATION_ID, serveFakeServer } from "@experience-users/fake-server";
import { describe, expect, it } from "vitest";
import { runLoad } from "./support/load.js";

describe("the fake over HTTP under concurrency", () => {
  it("200 concurrent creates with the same email: exactly one succeeds, the rest get 400, one user stored", async () => {
    const served = await serveFakeServer({
      port: 0,
      host: "127.0.0.1",
      log: () => {},
      validateResponses: true,
    });
    const transport = createNodeFetch({ maxSockets: 200 });
    try {
      const client = createClient({ token: DEV_TOKEN, baseUrl: served.url, fetch: transport });
      const outcomes = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          client.users
            .create(
              { applicationId: EXAMPLE_APPLICATION_ID },
              { email: i % 2 ? "same@example.com" : "SAME@example.com", password: "a-password" },
            )
            .then(
              () => 201,
              (error: unknown) => (error instanceof ApiError ? error.status : String(error)),
            ),
        ),
      );
      expect(outcomes.filter((s) => s === 201)).toHaveLength(1);
      expect(outcomes.filter((s) => s === 400)).toHaveLength(199);
      expect(served.fake.store.users(EXAMPLE_APPLICATION_ID)).toHaveLength(1);
      expect(served.fake.faults).toEqual([]);
    } finally {
      transport.close();
      await served.close();
    }
  });

  it("5 s of 50 concurrent mixed requests: no 5xx, no errors, heap flat (npm run load runs 30 s)", async () => {
    const figures = await runLoad(5, 50);
    expect(figures.errors, figures.firstErrors.join("\n")).toBe(0);
    expect(Object.keys(figures.statuses).filter((s) => Number(s) >= 500)).toEqual([]);
    expect(Object.keys(figures.statuses).map(Number).sort()).toEqual([200, 400, 404]);
    // Every one of the 50 virtual users finished at least one session of 8 requests; how many
    // requests per second that makes is a figure for `npm run load`, not a test.
    expect(figures.requests).toBeGreaterThanOrEqual(50 * 8);
    expect(figures.heapAfter).toBeLessThan(figures.heapBefore * 1.5 + 8 * 2 ** 20);
  });
});
