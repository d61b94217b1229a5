import {
  createFakeServer,
  EXAMPLE_APPLICATION_ID,
  type FakeServer,
} from "@experience-users/fake-server";
import {
  type CallOptions,
  callFake,
  type Answer as TestAnswer,
} from "@experience-users/test-support";
import { describe, expect, it } from "vitest";

const users = `/applications/${EXAMPLE_APPLICATION_ID}/experience/users`;
const SECRET = "s3cret-Pa55word";

type Answer = TestAnswer<Record<string, unknown>>;

const send = (fake: FakeServer, path: string, options: CallOptions & { method?: string } = {}) =>
  callFake<Record<string, unknown>>(fake, options.method ?? "GET", path, options);

const list = (fake: FakeServer, query: Record<string, string>) => send(fake, users, { query });
const create = (fake: FakeServer, body: unknown) =>
  send(fake, users, { method: "POST", json: body });
const nested = (depth: number) => `${'{"$and":['.repeat(depth)}{}${"]}".repeat(depth)}`;

interface Case {
  description: string;
  run: (fake: FakeServer) => Promise<Answer>;
  status: number | number[];
  type?: string;
}

const cases: Case[] = [
  {
    description: "password of 7 characters",
    run: (f) => create(f, { email: "a@example.com", password: "1234567" }),
    status: 400,
    type: "Validation",
  },
  {
    description: "password of 8 characters",
    run: (f) => create(f, { email: "a@example.com", password: "12345678" }),
    status: 201,
  },
  {
    description: "password of 2048 characters",
    run: (f) => create(f, { email: "a@example.com", password: "p".repeat(2048) }),
    status: 201,
  },
  {
    description: "password of 2049 characters",
    run: (f) => create(f, { email: "a@example.com", password: "p".repeat(2049) }),
    status: 400,
  },
  {
    description: "password of 8 astral characters (16 UTF-16 units, 8 code points)",
    run: (f) => create(f, { email: "a@example.com", password: "😀".repeat(8) }),
    status: 201,
  },
  {
    description: "password of 4 astral characters (8 UTF-16 units, only 4 code points)",
    run: (f) => create(f, { email: "a@example.com", password: "😀".repeat(4) }),
    status: 400,
  },
  {
    description: "email that is not ASCII",
    run: (f) => create(f, { email: "zoë@exämple.com", password: SECRET }),
    status: 400,
  },
  {
    description: "email with no dot in the domain",
    run: (f) => create(f, { email: "a@localhost", password: SECRET }),
    status: 400,
  },
  {
    description: "email of 100 KB",
    run: (f) => create(f, { email: `${"a".repeat(100_000)}@example.com`, password: SECRET }),
    status: 400,
  },
  {
    description: "query nested 10,000 deep",
    run: (f) => list(f, { query: nested(10_000) }),
    status: 400,
  },
  {
    description: "query with $where",
    run: (f) => list(f, { query: '{"$where":"sleep(1000)"}' }),
    status: 400,
  },
  {
    description: "query with $regex",
    run: (f) => list(f, { query: '{"email":{"$regex":"^(a+)+$"}}' }),
    status: 400,
  },
  {
    description: "query with $in as a string",
    run: (f) => list(f, { query: '{"email":{"$in":"a@example.com"}}' }),
    status: 400,
  },
  {
    description: "query that is not JSON",
    run: (f) => list(f, { query: "{not json" }),
    status: 400,
  },
  { description: "query that is null", run: (f) => list(f, { query: "null" }), status: 400 },
  { description: "query that is an array", run: (f) => list(f, { query: "[]" }), status: 400 },
  {
    description: "body that is not JSON",
    run: (f) =>
      send(f, users, {
        method: "POST",
        body: "{nope",
        headers: { "content-type": "application/json" },
      }),
    status: 400,
  },
  { description: "body that is JSON null", run: (f) => create(f, null), status: 400 },
  { description: "body that is a JSON array", run: (f) => create(f, []), status: 400 },
  { description: "body that is the number 123", run: (f) => create(f, 123), status: 400 },
  {
    description: "body with 100,000 unknown properties",
    run: (f) =>
      create(f, Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 1]))),
    status: [400, 413],
  },
  {
    description: "body of 10 MB",
    run: (f) =>
      send(f, users, {
        method: "POST",
        body: `{"email":"${"a".repeat(10 * 1024 * 1024)}"}`,
        headers: { "content-type": "application/json" },
      }),
    status: 413,
  },
  {
    description: "body that is not declared JSON",
    run: (f) =>
      send(f, users, {
        method: "POST",
        body: "email=a",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    status: 415,
  },
  { description: "path id with ..", run: (f) => send(f, `${users}/..`), status: [400, 404] },
  {
    description: "path id with %2F",
    run: (f) => send(f, `${users}/575ed78e7ae1%2F43cd83dc4aab`),
    status: [400, 404],
  },
  {
    description: "path id of the wrong length",
    run: (f) => send(f, `${users}/575ed78e`),
    status: 400,
  },
  {
    description: "path that climbs out with ../..",
    run: (f) => send(f, `${users}/../../575ec8687ae143cd83dc4a97`),
    status: [400, 404],
  },
  { description: "perPage 0", run: (f) => list(f, { perPage: "0" }), status: 400 },
  { description: "perPage -1", run: (f) => list(f, { perPage: "-1" }), status: 400 },
  { description: "perPage 1e9", run: (f) => list(f, { perPage: "1e9" }), status: 400 },
  { description: "perPage abc", run: (f) => list(f, { perPage: "abc" }), status: 400 },
  { description: "page 1.5", run: (f) => list(f, { page: "1.5" }), status: 400 },
  {
    description: "glob built to be slow, on long values",
    run: (f) => list(f, { filterField: "email", filter: "*a*a*a*a*a*a*a*a*b" }),
    status: 200,
  },
  {
    description: "glob full of regex metacharacters",
    run: (f) => list(f, { filterField: "email", filter: "(.+)+$[a-z]{1,}\\d|^" }),
    status: 200,
  },
];

function seed(fake: FakeServer): void {
  fake.addUser(EXAMPLE_APPLICATION_ID, { email: `${"a".repeat(200)}@example.com` });
  fake.addUser(EXAMPLE_APPLICATION_ID, { email: "a.b+c*d?e^f$g{1}|h~@example.com" });
}

describe("adversarial input to the fake", () => {
  it.each(cases)(
    "$description: answered with the expected status and an Error body",
    async ({ run, status, type }) => {
      const fake = createFakeServer({ validateResponses: true });
      seed(fake);
      const answer = await run(fake);
      expect([status].flat()).toContain(answer.status);
      if (answer.status >= 400)
        expect(answer.body).toMatchObject({
          type: type ?? expect.any(String),
          message: expect.any(String),
        });
      expect(answer.text.length).toBeLessThan(20_000);
      expect(answer.text).not.toContain(SECRET);
      expect(fake.faults).toEqual([]);
    },
  );

  it("matches globs literally: metacharacters are text, * and ? the only wildcards", async () => {
    const fake = createFakeServer();
    fake.addUser(EXAMPLE_APPLICATION_ID, { email: "a.b+c@example.com" });
    fake.addUser(EXAMPLE_APPLICATION_ID, { email: "aXb+c@example.com" });
    const dot = await list(fake, { filterField: "email", filter: "a.b+c@*" });
    expect((dot.body.items as { email: string }[]).map((u) => u.email)).toEqual([
      "a.b+c@example.com",
    ]);
    fake.addUser(EXAMPLE_APPLICATION_ID, { email: `${"a".repeat(1000)}@example.com` });
    const slow = await list(fake, { filterField: "email", filter: "*a*a*a*a*a*a*a*a*b" });
    expect(slow.body.totalCount).toBe(0);
    const matching = await list(fake, { filterField: "email", filter: "*a*a*a*a*a*a*a*a*m" });
    expect((matching.body.items as { email: string }[]).map((u) => u.email.length)).toEqual([1012]);
  });
});

describe("userTags keys named after Object.prototype members", () => {
  const keys = ["__proto__", "constructor", "prototype", "toString"];

  it.each(keys.map((key) => ({ key })))(
    "$key is stored as the user's own data and changes no prototype",
    async ({ key }) => {
      const fake = createFakeServer({ validateResponses: true });
      const created = await send(fake, users, {
        method: "POST",
        body: `{"email":"tags@example.com","password":"${SECRET}","userTags":{${JSON.stringify(key)}:"value"}}`,
        headers: { "content-type": "application/json" },
      });
      expect(created.status).toBe(201);
      const tags = created.body.userTags as Record<string, unknown>;
      expect(Object.hasOwn(tags, key)).toBe(true);
      expect(JSON.parse(created.text).userTags[key]).toBe("value");
      expect(({} as Record<string, unknown>).value).toBeUndefined();
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      const byTag = await list(fake, { query: JSON.stringify({ userTags: { [key]: "value" } }) });
      expect(byTag.body.totalCount).toBe(1);
    },
  );

  it("a query on tag toString matches nothing when no user has that tag", async () => {
    const fake = createFakeServer({ validateResponses: true });
    await create(fake, {
      email: "plain@example.com",
      password: SECRET,
      userTags: { team: "blue" },
    });
    for (const query of [
      { userTags: { toString: "x" } },
      { userTags: { $tagKey: "toString" } },
      { userTags: { constructor: null } },
    ]) {
      const answer = await list(fake, { query: JSON.stringify(query) });
      expect(answer.status).toBe(200);
      expect(answer.body.totalCount, JSON.stringify(query)).toBe(
        query.userTags.constructor === null ? 1 : 0,
      );
    }
  });
});

describe("the password", () => {
  it("never appears in any answer, including errors", async () => {
    const fake = createFakeServer({ validateResponses: true });
    const answers = [
      await create(fake, { email: "pw@example.com", password: SECRET }),
      await create(fake, { email: "PW@example.com", password: SECRET }),
      await create(fake, { email: "pw2@example.com", password: SECRET, extra: SECRET }),
      await create(fake, { email: SECRET, password: SECRET }),
      await list(fake, {}),
    ];
    const id = answers[0]?.body.id as string;
    answers.push(
      await send(fake, `${users}/${id}`, { method: "PATCH", json: { password: `${SECRET}-new` } }),
    );
    answers.push(await send(fake, `${users}/${id}`));
    for (const answer of answers) {
      expect(answer.text).not.toContain(SECRET);
      expect(answer.body).not.toHaveProperty("password");
    }
    expect(JSON.stringify(fake.store.users(EXAMPLE_APPLICATION_ID))).not.toContain(SECRET);
  });
});
