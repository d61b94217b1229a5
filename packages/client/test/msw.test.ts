import { createClient } from "@experience-users/client";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { APP, experienceUser, usersPage } from "./support/fixtures.js";

const page = usersPage([experienceUser()]);

/** MSW's Node server with one handler for the list path; it records what the handler saw. */
function mswServer() {
  const seen: { authorization: string | null; acceptVersion: string | null }[] = [];
  const server = setupServer(
    http.get(
      "https://api.losant.com/applications/:applicationId/experience/users",
      ({ request }) => {
        seen.push({
          authorization: request.headers.get("authorization"),
          acceptVersion: request.headers.get("accept-version"),
        });
        return HttpResponse.json(page);
      },
    ),
  );
  server.listen({ onUnhandledRequest: "error" });
  onTestFinished(() => server.close());
  return seen;
}

describe("a default client under MSW's setupServer() (msw/node)", () => {
  it("is intercepted when the server starts listening after the client was loaded", async () => {
    const seen = mswServer();
    const client = createClient({ token: "t" });
    await expect(client.users.list({ applicationId: APP })).resolves.toEqual(page);
    expect(seen).toEqual([{ authorization: "Bearer t", acceptVersion: "^1.20.1" }]);
  });

  it("is intercepted when the server was already listening when the client was loaded", async () => {
    const seen = mswServer();
    vi.resetModules();
    const fresh = await import("@experience-users/client");
    const client = fresh.createClient({ token: "t" });
    await expect(client.users.list({ applicationId: APP })).resolves.toEqual(page);
    expect(seen).toHaveLength(1);
  });
});
