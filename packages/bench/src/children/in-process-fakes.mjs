// The in-process contenders of the MSW pair: each lists the 10 users of a fake seeded the same way,
// with no server and no socket.
//   msw-fake     fetch("https://api.losant.com/...") with msw/node's setupServer in front of the fake
//   msw-static   the same fetch, answered by one MSW handler returning the same JSON (stateless)
//   fake-direct  the fake's own fetch handler, called with the same Request (no MSW)
import { createFakeServer, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import { API_BASE_URL, createHandlers } from "@experience-users/fake-server/msw";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";

const url = `${API_BASE_URL}/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
const headers = { authorization: "Bearer fake-dev-token", accept: "application/json" };

/** @param {"msw-fake" | "msw-static" | "fake-direct"} contender */
export async function makeInProcessCall(contender) {
  const fake = createFakeServer();
  for (let i = 0; i < 10; i++) {
    fake.addUser(EXAMPLE_APPLICATION_ID, { email: `user${i}@example.com`, firstName: "Example" });
  }
  if (contender === "fake-direct") {
    return async () => (await fake.fetch(new Request(url, { headers }))).json();
  }
  const page = await (await fake.fetch(new Request(url, { headers }))).json();
  const handlers =
    contender === "msw-fake"
      ? createHandlers(fake)
      : [http.get(new URL(url).href, () => HttpResponse.json(page))];
  setupServer(...handlers).listen({ onUnhandledRequest: "error" });
  return async () => (await fetch(url, { headers })).json();
}
