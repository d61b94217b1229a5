import { createClient } from "@experience-users/client";
import { EXAMPLE_APPLICATION_ID, serveFakeServer } from "@experience-users/fake-server";

const applicationId = EXAMPLE_APPLICATION_ID;
const server = await serveFakeServer({ port: 0 }); // server.url: http://127.0.0.1:<free port>
const client = createClient({ token: server.fake.token, baseUrl: server.url });
await client.users.create({ applicationId }, { email: "ada@example.com", password: "a-password" });
const page = await client.users.list({ applicationId });
console.log(page.items.map((user) => user.email)); // [ 'ada@example.com' ]
await server.close();
