import { createClient } from "@experience-users/client";
import { createFakeServer, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";

const applicationId = EXAMPLE_APPLICATION_ID;
const fake = createFakeServer();
const client = createClient({ token: fake.token, baseUrl: fake.baseUrl, fetch: fake.fetch });
await client.users.create({ applicationId }, { email: "ada@example.com", password: "a-password" });
const page = await client.users.list({ applicationId });
console.log(page.items.map((user) => user.email)); // [ 'ada@example.com' ]
