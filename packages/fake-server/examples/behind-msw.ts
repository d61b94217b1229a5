import { createClient } from "@experience-users/client";
import { createFakeServer, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import { createHandlers } from "@experience-users/fake-server/msw";
import { setupServer } from "msw/node";

const applicationId = EXAMPLE_APPLICATION_ID;
const server = setupServer(...createHandlers(createFakeServer())); // msw/browser: setupWorker
server.listen({ onUnhandledRequest: "error" });
const client = createClient({ token: "fake-dev-token" }); // default baseUrl: https://api.losant.com
await client.users.create({ applicationId }, { email: "ada@example.com", password: "a-password" });
const page = await client.users.list({ applicationId });
console.log(page.items.map((user) => user.email)); // [ 'ada@example.com' ]
server.close();
