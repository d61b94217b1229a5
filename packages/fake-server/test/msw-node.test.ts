import { ApiError, createClient, NetworkError } from "@experience-users/client";
import { createFakeServer, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import { API_BASE_URL, createHandlers } from "@experience-users/fake-server/msw";
import { operationIds, operations } from "@experience-users/spec";
import { trackedFakes } from "@experience-users/test-support";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const fake = trackedFakes(createFakeServer);
const applicationId = EXAMPLE_APPLICATION_ID;
const USERS = `${API_BASE_URL}/applications/${applicationId}/experience/users`;
const password = "correct horse";

// The handlers of each test are added with server.use; none are there to begin with.
const server = setupServer();
const mswErrors = vi.spyOn(console, "error").mockImplementation(() => undefined);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  mswErrors.mockClear();
});
afterAll(() => {
  server.close();
  mswErrors.mockRestore();
});

function useFake(options: { baseUrl?: string } = {}) {
  const f = fake();
  server.use(...createHandlers(f, options));
  return f;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const json = { "content-type": "application/json" };

describe("createHandlers behind msw/node's setupServer", () => {
  it("answers plain fetch to https://api.losant.com through the fake, keeping state", async () => {
    const f = useFake();
    const created = await fetch(USERS, {
      method: "POST",
      headers: { ...auth(f.token), ...json },
      body: JSON.stringify({ email: "ada@example.com", password }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toMatch(/^application\/json/);
    const { id } = (await created.json()) as { id: string };
    const listed = await fetch(USERS, { headers: auth(f.token) });
    expect(await listed.json()).toMatchObject({
      totalCount: 1,
      items: [{ id, email: "ada@example.com" }],
    });
    expect(f.store.users(applicationId).map((u) => u.email)).toEqual(["ada@example.com"]);
    expect(await f.store.verifyPassword(applicationId, id, password)).toBe(true);
  });

  it("serves the client created with default options: create, list, get, patch, delete", async () => {
    const f = useFake();
    const client = createClient({ token: f.token });
    const ada = await client.users.create(
      { applicationId },
      { email: "ada@example.com", password },
    );
    await client.users.create({ applicationId }, { email: "bob@example.com", password });
    const page = await client.users.list({
      applicationId,
      sortField: "email",
      sortDirection: "desc",
    });
    expect(page.items.map((u) => u.email)).toEqual(["bob@example.com", "ada@example.com"]);
    const experienceUserId = ada.id;
    await client.users.update({ applicationId, experienceUserId }, { userTags: { team: "blue" } });
    expect((await client.users.get({ applicationId, experienceUserId })).userTags).toEqual({
      team: "blue",
    });
    await client.users.delete({ applicationId, experienceUserId });
    const after = await client.users.list({ applicationId });
    expect(after.items.map((u) => u.email)).toEqual(["bob@example.com"]);
    expect(JSON.stringify([ada, page, after])).not.toContain(password);
  });

  it("gets 401 without a token (plain fetch) and with an unknown one (the client's ApiError)", async () => {
    useFake();
    const anonymous = await fetch(USERS);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ type: "Unauthorized" });
    const client = createClient({ token: "not-a-token" });
    const error = await client.users.list({ applicationId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
  });

  it.each(operationIds.map((id) => operations[id]))(
    "answers $operationId ($method $path) of the operations table, 401 without a token",
    async ({ method, path }) => {
      useFake();
      const url = API_BASE_URL + path.replace(/\{\w+\}/g, applicationId);
      const response = await fetch(url, { method: method.toUpperCase() });
      expect(response.status).toBe(401);
    },
  );

  it("answers other methods on the table's paths and malformed ids as the fake does (405, 400)", async () => {
    const f = useFake();
    const put = await fetch(USERS, { method: "PUT", headers: auth(f.token) });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    const malformed = await fetch(`${USERS}/not-an-id`, { headers: auth(f.token) });
    expect(malformed.status).toBe(400);
    expect(mswErrors).not.toHaveBeenCalled();
  });

  it.each([
    {
      description: "an unknown path on the API host",
      url: `${API_BASE_URL}/applications/${applicationId}/devices`,
    },
    { description: "a path under a user", url: `${USERS}/${applicationId}/extra` },
    { description: "the API root", url: `${API_BASE_URL}/` },
    {
      description: "the users path on another host",
      url: `https://example.com/applications/${applicationId}/experience/users`,
    },
  ])("leaves $description to onUnhandledRequest, which fails it loudly", async ({ url }) => {
    const f = useFake();
    await expect(fetch(url, { headers: auth(f.token) })).rejects.toThrow(
      /Cannot bypass a request when using the "error" strategy/,
    );
    expect(mswErrors).toHaveBeenCalledOnce();
    expect(String(mswErrors.mock.calls[0]?.[0])).toContain(`• GET ${url}\n`);
  });

  it("gives the client a NetworkError for a host the handlers do not cover", async () => {
    const f = useFake();
    const client = createClient({ token: f.token, baseUrl: "https://example.com" });
    await expect(client.users.list({ applicationId })).rejects.toBeInstanceOf(NetworkError);
    expect(mswErrors).toHaveBeenCalledOnce();
  });

  it("answers under a baseUrl with a path, and leaves the default host unhandled then", async () => {
    const baseUrl = "http://localhost:5173/api/";
    const f = useFake({ baseUrl });
    const client = createClient({ token: f.token, baseUrl });
    await client.users.create({ applicationId }, { email: "ada@example.com", password });
    const page = await client.users.list({ applicationId });
    expect(page.items.map((u) => u.email)).toEqual(["ada@example.com"]);
    await expect(fetch(USERS, { headers: auth(f.token) })).rejects.toThrow(/"error" strategy/);
  });

  it("refuses a baseUrl that is not absolute, naming it", () => {
    expect(() => createHandlers(fake(), { baseUrl: "/api" })).toThrow(
      new TypeError('createHandlers needs an absolute baseUrl, got "/api"'),
    );
  });
});
