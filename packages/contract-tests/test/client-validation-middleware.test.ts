import { ApiError, createClient } from "@experience-users/client";
import { ValidationError } from "@experience-users/validators";
import { validationMiddleware } from "@experience-users/validators/middleware";
import { describe, expect, it } from "vitest";

const APP = "575ec8687ae143cd83dc4a97";
const USER = "575ed78e7ae143cd83dc4aab";

function answering(status: number, body: unknown) {
  const seen: string[] = [];
  const fetch = async (request: Request) => {
    seen.push(`${request.method} ${new URL(request.url).pathname}`);
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, seen };
}

function clientFor(status: number, body: unknown) {
  const transport = answering(status, body);
  const client = createClient({
    token: "t",
    fetch: transport.fetch,
    middleware: [validationMiddleware()],
  });
  return { client, seen: transport.seen };
}

describe("validationMiddleware() in the client (opt-in)", () => {
  it("lets a valid answer through", async () => {
    const { client } = clientFor(200, {
      id: USER,
      experienceUserId: USER,
      applicationId: APP,
      email: "a@example.com",
      creationDate: "2016-06-13T04:00:00.000Z",
      lastUpdated: "2016-06-13T04:00:00.000Z",
    });
    await expect(
      client.users.get({ applicationId: APP, experienceUserId: USER }),
    ).resolves.toMatchObject({ id: USER });
  });

  const badAnswers = [
    {
      description: "a user whose email is not an email",
      status: 200,
      body: { email: "nope" },
      pointer: "/email",
    },
    {
      description: "a user whose id is not an id",
      status: 200,
      body: { id: "42" },
      pointer: "/id",
    },
    {
      description: "an error whose message is a number",
      status: 404,
      body: { type: "NotFound", message: 404 },
      pointer: "/message",
    },
  ];

  it.each(badAnswers)(
    "rejects $description with the ValidationError itself",
    async ({ status, body, pointer }) => {
      const { client } = clientFor(status, body);
      const error = await client.users
        .get({ applicationId: APP, experienceUserId: USER })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.instancePath)).toContain(pointer);
    },
  );

  it("rejects an undocumented status", async () => {
    const { client } = clientFor(418, { type: "Teapot" });
    const error = await client.users
      .get({ applicationId: APP, experienceUserId: USER })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain("status 418 is not documented");
  });

  it("checks requests before they are sent", async () => {
    const { client, seen } = clientFor(201, {});
    const invalid = { email: "a@example.com", password: "short" };
    await expect(client.users.create({ applicationId: APP }, invalid)).rejects.toThrow(
      /\/body\/password/,
    );
    await expect(client.users.list({ applicationId: "nope" })).rejects.toThrow(ValidationError);
    expect(seen).toEqual([]);
  });

  it("still surfaces documented errors as ApiError", async () => {
    const { client } = clientFor(404, {
      type: "NotFound",
      message: "Experience user was not found",
    });
    await expect(
      client.users.get({ applicationId: APP, experienceUserId: USER }),
    ).rejects.toBeInstanceOf(ApiError);
  });

  it("leaves the raw client's middleware errors untouched too", async () => {
    const { client } = clientFor(200, { email: "nope" });
    await expect(
      client.raw.GET("/applications/{applicationId}/experience/users/{experienceUserId}", {
        params: { path: { applicationId: APP, experienceUserId: USER } },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
