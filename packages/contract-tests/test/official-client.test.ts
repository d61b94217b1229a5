import { request } from "node:http";
import { EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import type { OperationId } from "@experience-users/spec";
import { describe, expect, it } from "vitest";
import { useMock } from "./support/mock.js";
import { officialClient, officialError } from "./support/official-client.js";
import { TOKEN } from "./support/prism-client-calls.js";
import { responseIssues } from "./support/prism-response-checks.js";
import { useServedFake } from "./support/served-fake.js";

const mock = useMock();
const fake = useServedFake();
const targets = [
  { name: "the mock", url: () => mock.url },
  { name: "the fake", url: () => fake.url },
];
const applicationId = EXAMPLE_APPLICATION_ID;

describe.each(targets)(
  "Losant's official client (losant-rest 2.8.1) against $name",
  ({ name, url }) => {
    it("runs all five operations: create, get, patch, list, delete", async () => {
      const client = officialClient(url(), TOKEN);
      const email = `official-${name.replace(/\W/g, "")}@example.com`;
      const created = (await client.experienceUsers.post({
        applicationId,
        experienceUser: { email, password: "correct horse", firstName: "Ada" },
      })) as { id: string };
      expect(responseIssues("createExperienceUser", 201, created)).toEqual([]);
      const experienceUserId = created.id;

      const read = await client.experienceUser.get({ applicationId, experienceUserId });
      expect(responseIssues("getExperienceUser", 200, read)).toEqual([]);

      const patched = await client.experienceUser.patch({
        applicationId,
        experienceUserId,
        experienceUser: { lastName: "Lovelace" },
      });
      expect(responseIssues("updateExperienceUser", 200, patched)).toEqual([]);

      const page = await client.experienceUsers.get({
        applicationId,
        sortField: "email",
        perPage: 10,
        filterField: "email",
        filter: "official*",
      });
      expect(responseIssues("listExperienceUsers", 200, page)).toEqual([]);

      const deleted = await client.experienceUser.delete({ applicationId, experienceUserId });
      expect(deleted).toEqual({ success: true });
    });

    it("gets the same Error for a bad request: statusCode, type and a message naming the field", async () => {
      const client = officialClient(url(), TOKEN);
      const error = await officialError(
        client.experienceUsers.post({
          applicationId,
          experienceUser: { email: "ada@example.com", password: "12345" },
        }),
      );
      expect(error.statusCode).toBe(400);
      expect(error.type).toBe("Validation");
      expect(error.message).toBe("/body/password must NOT have fewer than 8 characters");
    });
  },
);

describe("the official client's requests on the fake keep their effect (state)", () => {
  it("a user created through losant-rest is listed, patched, deleted, then 404", async () => {
    const client = officialClient(fake.url, TOKEN);
    const created = (await client.experienceUsers.post({
      applicationId,
      experienceUser: { email: "stateful@example.com", password: "correct horse" },
    })) as { id: string };
    const ids = { applicationId, experienceUserId: created.id };
    await client.experienceUser.patch({ ...ids, experienceUser: { firstName: "Grace" } });
    const page = (await client.experienceUsers.get({
      applicationId,
      filterField: "email",
      filter: "stateful*",
    })) as {
      items: { firstName?: string }[];
    };
    expect(page.items.map((item) => item.firstName)).toEqual(["Grace"]);
    await client.experienceUser.delete(ids);
    const gone = await officialError(client.experienceUser.get(ids));
    expect(gone.statusCode).toBe(404);
  });
});

/** Sends one request with node:http, which sends a body with a GET as the real API allows. */
function send(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const call = request(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...headers,
        ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }),
      },
      signal: AbortSignal.timeout(10_000),
    });
    call.once("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: response.statusCode ?? 0,
          body: text === "" ? undefined : JSON.parse(text),
        });
      });
    });
    call.once("error", reject);
    call.end(body);
  });
}

const JSON_TYPE = { "content-type": "application/json" };
const EXTRAS = "?_actions=false&_links=true&_embedded=true";

/** Requests the real API accepts that the spec does not describe: both must answer them as usual. */
const tolerated: {
  description: string;
  operationId: OperationId;
  method: string;
  user: boolean;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
}[] = [
  {
    description: "DELETE with {} as a JSON body (what losant-rest sends)",
    operationId: "deleteExperienceUser",
    method: "DELETE",
    user: true,
    headers: JSON_TYPE,
    body: "{}",
    status: 200,
  },
  {
    description: "DELETE with a body that is not JSON at all",
    operationId: "deleteExperienceUser",
    method: "DELETE",
    user: true,
    headers: { "content-type": "text/plain" },
    body: "not json{",
    status: 200,
  },
  {
    description: "GET of a user with a JSON body",
    operationId: "getExperienceUser",
    method: "GET",
    user: true,
    headers: JSON_TYPE,
    body: '{"ignored":true}',
    status: 200,
  },
  {
    description: "GET of the list with a JSON body",
    operationId: "listExperienceUsers",
    method: "GET",
    user: false,
    headers: JSON_TYPE,
    body: "{}",
    status: 200,
  },
  {
    description: "list with losant-rest's _actions, _links, _embedded and Accept-Version",
    operationId: "listExperienceUsers",
    method: "GET",
    user: false,
    query: EXTRAS,
    headers: { "accept-version": "^1.20.1", accept: "application/json" },
    status: 200,
  },
  {
    description:
      "list with PERPAGE=abc (a name the spec does not declare: perPage is case-sensitive)",
    operationId: "listExperienceUsers",
    method: "GET",
    user: false,
    query: "?PERPAGE=abc",
    status: 200,
  },
  {
    description:
      "a bearer token sent with the scheme in lower case (auth schemes are case-insensitive)",
    operationId: "listExperienceUsers",
    method: "GET",
    user: false,
    headers: { authorization: `bearer ${TOKEN}` },
    status: 200,
  },
  {
    description: "get with losant-rest's _actions, _links, _embedded and Accept-Version",
    operationId: "getExperienceUser",
    method: "GET",
    user: true,
    query: EXTRAS,
    headers: { "accept-version": "^1.20.1" },
    status: 200,
  },
];

describe("requests the real API accepts beyond the spec: the mock and the fake accept them too", () => {
  it.each(tolerated)("$description: $status from both", async (c) => {
    for (const target of targets) {
      const base = target.url();
      let path = `/applications/${applicationId}/experience/users`;
      if (c.user) {
        const created = await send(
          base,
          "POST",
          path,
          JSON_TYPE,
          JSON.stringify({
            email: `tolerated-${Math.random().toString(36).slice(2)}@example.com`,
            password: "correct horse",
          }),
        );
        path += `/${(created.body as { id: string }).id}`;
      }
      const answer = await send(base, c.method, `${path}${c.query ?? ""}`, c.headers ?? {}, c.body);
      expect(answer.status, `${target.name}: ${JSON.stringify(answer.body)}`).toBe(c.status);
      expect(responseIssues(c.operationId, answer.status, answer.body)).toEqual([]);
    }
  });
});
