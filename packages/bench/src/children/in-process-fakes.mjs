// The in-process contenders of the MSW pair: each lists the 10 users of a fake seeded the same way
// (a "-get" contender gets the first of them instead), with no server and no socket.
//   msw-fake     fetch("https://api.losant.com/...") with msw/node's setupServer in front of the fake
//   msw-static   the same fetch, answered by one MSW handler returning the same JSON (stateless)
//   fake-direct  the fake's own fetch handler, called with the same Request (no MSW)
import { createFakeServer, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import { API_BASE_URL, createHandlers } from "@experience-users/fake-server/msw";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";

const url = `${API_BASE_URL}/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
const headers = { authorization: "Bearer fake-dev-token", accept: "application/json" };

/** @param {"msw-fake" | "msw-static" | "fake-direct" | "msw-fake-get" | "fake-direct-get"} contender */
export async function makeInProcessCall(contender) {
  const fake = createFakeServer();
  const users = [];
  for (let i = 0; i < 10; i++) {
    users.push(
      fake.addUser(EXAMPLE_APPLICATION_ID, { email: `user${i}@example.com`, firstName: "Example" }),
    );
  }
  const target = contender.endsWith("-get") ? `${url}/${users[0].id}` : url;
  if (contender.startsWith("fake-direct")) {
    return async () => (await fake.fetch(new Request(target, { headers }))).json();
  }
  const page = await (await fake.fetch(new Request(target, { headers }))).json();
  const handlers =
    contender === "msw-static"
      ? [http.get(new URL(target).href, () => HttpResponse.json(page))]
      : createHandlers(fake);
  setupServer(...handlers).listen({ onUnhandledRequest: "error" });
  return async () => (await fetch(target, { headers })).json();
}
