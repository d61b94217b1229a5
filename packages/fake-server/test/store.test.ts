import { isId } from "@experience-users/validators";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Problem } from "../src/problem.js";
import { normalizeDateTime, toTime } from "../src/store/dates.js";
import { FakeStore } from "../src/store/fake-store.js";
import { createIdGenerator } from "../src/store/object-id.js";
import { hashPassword, verifyPassword } from "../src/store/password.js";
import { ascendingBy } from "../src/store/user-fields.js";
import { specSortFields } from "./support/sort-fields.js";
import { APP } from "./support/stored-users.js";

const GROUP = "6a0000000000000000000001";
const CHILD = "6a0000000000000000000002";
const UNKNOWN = "6a00000000000000000000ff";

function ticking(start = Date.parse("2024-01-01T00:00:00.000Z")) {
  let now = start;
  return { now: () => new Date(now), tick: (ms = 1000) => (now += ms) };
}

function newStore() {
  const clock = ticking();
  const store = new FakeStore(clock.now);
  store.addApplication({ id: APP, name: "Test" });
  store.addGroup(APP, { id: GROUP, name: "Parent" });
  store.addGroup(APP, { id: CHILD, name: "Child", parentId: GROUP });
  return { store, clock };
}

async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<Problem> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error("expected a Problem");
}

describe("FakeStore.createUser", () => {
  it("sets ids, dates and groups, and never shows the password", async () => {
    const { store } = newStore();
    const user = await store.createUser(APP, {
      email: "Ann@Example.com",
      password: "a-secret-password",
      experienceGroupIds: [CHILD, CHILD.toUpperCase()],
    });
    expect(isId(user.id)).toBe(true);
    expect(user.experienceUserId).toBe(user.id);
    expect(user).toMatchObject({
      applicationId: APP,
      email: "Ann@Example.com",
      creationDate: "2024-01-01T00:00:00.000Z",
      lastUpdated: "2024-01-01T00:00:00.000Z",
      passwordLastUpdated: "2024-01-01T00:00:00.000Z",
      userTags: {},
      experienceGroups: [{ id: CHILD, name: "Child", parentId: GROUP }],
    });
    const everything = JSON.stringify([user, store.users(APP), store.groups(APP)]);
    expect(everything).not.toContain("a-secret-password");
    expect(everything).not.toContain("scrypt");
    expect(await store.verifyPassword(APP, user.id as string, "a-secret-password")).toBe(true);
    expect(await store.verifyPassword(APP, user.id as string, "another-password")).toBe(false);
  });

  it("refuses an email already used in the application, whatever its case, and changes nothing", async () => {
    const { store } = newStore();
    await store.createUser(APP, { email: "ann@example.com", password: "password-1" });
    const problem = await rejection(
      store.createUser(APP, { email: "ANN@example.COM", password: "password-2" }),
    );
    expect(problem).toMatchObject({ status: 400, type: "Validation" });
    expect(store.users(APP)).toHaveLength(1);
  });

  it("allows the same email in another application", async () => {
    const { store } = newStore();
    const other = store.addApplication();
    await store.createUser(APP, { email: "ann@example.com", password: "password-1" });
    await store.createUser(other, { email: "ann@example.com", password: "password-1" });
    expect(store.users(other)).toHaveLength(1);
  });

  it("refuses unknown groups and changes nothing", async () => {
    const { store } = newStore();
    const problem = await rejection(
      store.createUser(APP, {
        email: "a@b.co",
        password: "password-1",
        experienceGroupIds: [GROUP, UNKNOWN],
      }),
    );
    expect(problem.status).toBe(400);
    expect(problem.message).toContain(UNKNOWN);
    expect(store.users(APP)).toEqual([]);
  });

  it("answers 404 Problems for an unknown application or user", async () => {
    const { store } = newStore();
    expect(await rejection(() => store.renderedUser(UNKNOWN, UNKNOWN))).toMatchObject({
      status: 404,
      message: "Application was not found",
    });
    expect(await rejection(() => store.renderedUser(APP, UNKNOWN))).toMatchObject({
      status: 404,
      message: "Experience user was not found",
    });
  });

  it("keeps tags such as __proto__ and constructor as plain data", async () => {
    const { store } = newStore();
    const userTags = JSON.parse('{"__proto__":"polluted","constructor":"c","toString":"t"}');
    const user = await store.createUser(APP, { email: "a@b.co", password: "password-1", userTags });
    expect(Object.keys(user.userTags ?? {})).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getPrototypeOf(user.userTags)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(user)).userTags).toEqual(userTags);
  });
});

describe("FakeStore.updateUser", () => {
  it("changes only the given fields and moves lastUpdated", async () => {
    const { store, clock } = newStore();
    const created = await store.createUser(APP, {
      email: "a@b.co",
      password: "password-1",
      firstName: "Ann",
      lastName: "A",
      userTags: { k: "v" },
    });
    clock.tick();
    const updated = await store.updateUser(APP, created.id as string, { lastName: "Archer" });
    expect(updated).toEqual({
      ...created,
      lastName: "Archer",
      lastUpdated: "2024-01-01T00:00:01.000Z",
    });
  });

  it("moves passwordLastUpdated with a new password, stores tokenCutoff, replaces tags and groups", async () => {
    const { store, clock } = newStore();
    const created = await store.createUser(APP, {
      email: "a@b.co",
      password: "password-1",
      userTags: { a: "1" },
      experienceGroupIds: [GROUP],
    });
    clock.tick(5000);
    const updated = await store.updateUser(APP, created.id as string, {
      password: "password-2",
      tokenCutoff: "2024-02-01T01:00:00+01:00",
      userTags: { b: "2" },
      experienceGroupIds: [CHILD],
    });
    expect(updated).toMatchObject({
      passwordLastUpdated: "2024-01-01T00:00:05.000Z",
      tokenCutoff: "2024-02-01T00:00:00.000Z",
      userTags: { b: "2" },
      experienceGroups: [{ id: CHILD }],
    });
    expect(await store.verifyPassword(APP, created.id as string, "password-2")).toBe(true);
    expect(await store.verifyPassword(APP, created.id as string, "password-1")).toBe(false);
    expect(store.groups(APP).map((g) => g.memberIds)).toEqual([[], [created.id]]);
  });

  it("keeps emails unique on update, but lets a user change the case of its own", async () => {
    const { store } = newStore();
    const ann = await store.createUser(APP, { email: "ann@b.co", password: "password-1" });
    await store.createUser(APP, { email: "bob@b.co", password: "password-1" });
    expect(
      await rejection(store.updateUser(APP, ann.id as string, { email: "BOB@b.co" })),
    ).toMatchObject({ status: 400 });
    expect(store.user(APP, ann.id as string)?.email).toBe("ann@b.co");
    expect((await store.updateUser(APP, ann.id as string, { email: "ANN@b.co" })).email).toBe(
      "ANN@b.co",
    );
    await store.createUser(APP, { email: "Carl@b.co", password: "password-1" });
    expect(
      await rejection(store.createUser(APP, { email: "ann@B.CO", password: "password-1" })),
    ).toMatchObject({ status: 400 });
  });
});

describe("FakeStore.deleteUser", () => {
  it("removes the user from the application and its groups; its email is free again", async () => {
    const { store } = newStore();
    const ann = await store.createUser(APP, {
      email: "ann@b.co",
      password: "password-1",
      experienceGroupIds: [GROUP, CHILD],
    });
    store.deleteUser(APP, ann.id as string);
    expect(store.users(APP)).toEqual([]);
    expect(store.groups(APP).flatMap((g) => g.memberIds)).toEqual([]);
    expect(await rejection(() => store.deleteUser(APP, ann.id as string))).toMatchObject({
      status: 404,
    });
    await store.createUser(APP, { email: "ANN@b.co", password: "password-1" });
  });
});

describe("FakeStore set-up", () => {
  it("refuses a group whose parent does not exist, and malformed ids", () => {
    const { store } = newStore();
    expect(() => store.addGroup(APP, { name: "Orphan", parentId: UNKNOWN })).toThrow(
      /does not exist/,
    );
    expect(() => store.addApplication({ id: "not-an-id" })).toThrow(TypeError);
    expect(() => store.addApplication({ id: APP })).toThrow(/already exists/);
  });

  it("seeds users with pinned ids and dates, and without passwords", async () => {
    const { store } = newStore();
    const user = store.addUser(APP, {
      id: UNKNOWN,
      email: "a@b.co",
      lastLogin: "2023-05-05T05:05:05Z",
    });
    expect(user).toMatchObject({ id: UNKNOWN, lastLogin: "2023-05-05T05:05:05.000Z" });
    expect(user.passwordLastUpdated).toBeUndefined();
    expect(await store.verifyPassword(APP, UNKNOWN, "")).toBe(false);
  });
});

describe("sorted orders", () => {
  const fields = specSortFields();
  const name = fc.option(fc.constantFrom("ann", "Bob", "bob", "cy", "Dee"), { nil: undefined });

  it("stay equal to a fresh sort whatever the sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({
              op: fc.constant("add" as const),
              firstName: name,
              lastName: name,
              login: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
            }),
            fc.record({ op: fc.constant("update" as const), pick: fc.nat(), firstName: name }),
            fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }),
          ),
          { maxLength: 40 },
        ),
        async (steps) => {
          const { store, clock } = newStore();
          const app = store.application(APP);
          for (const field of fields) app.sorted.ascending(field);
          let n = 0;
          for (const step of steps) {
            clock.tick(step.op === "add" ? 0 : 1000);
            const ids = [...app.users.keys()];
            const target =
              ids.length === 0 || step.op === "add" ? undefined : ids[step.pick % ids.length];
            if (step.op === "add") {
              store.addUser(APP, {
                email: `u${n++}@x.co`,
                ...(step.firstName && { firstName: step.firstName }),
                ...(step.lastName && { lastName: step.lastName }),
                ...(step.login !== undefined && {
                  lastLogin: new Date(step.login * 1000).toISOString(),
                }),
              });
            } else if (target !== undefined && step.op === "update") {
              await store.updateUser(
                APP,
                target,
                step.firstName ? { firstName: step.firstName } : {},
              );
            } else if (target !== undefined) {
              store.deleteUser(APP, target);
            }
            for (const field of fields) {
              const order = app.sorted.ascending(field);
              expect(order.slice(0, order.length)).toEqual(
                [...app.users.values()].sort(ascendingBy(field)),
              );
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("helpers", () => {
  it("makes unique 24-hex ids", () => {
    const next = createIdGenerator(() => new Date());
    const ids = Array.from({ length: 10_000 }, next);
    expect(ids.every((id) => isId(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("normalizes date-times the API's way, and keeps what JavaScript cannot represent", () => {
    expect(normalizeDateTime("2024-01-01T01:00:00+01:00")).toBe("2024-01-01T00:00:00.000Z");
    expect(normalizeDateTime("2024-01-01t00:00:00z")).toBe("2024-01-01T00:00:00.000Z");
    expect(normalizeDateTime("2016-12-31T23:59:60Z")).toBe("2016-12-31T23:59:60Z");
    expect(toTime("9999-12-31T23:59:59-23:00")).toBeUndefined();
  });

  it("hashes passwords with PBKDF2-SHA256 (Web Crypto) and a fresh salt", async () => {
    const [a, b] = await Promise.all([hashPassword("password-1"), hashPassword("password-1")]);
    expect(a).toMatch(/^pbkdf2-sha256\$10000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("password-1", a)).toBe(true);
    expect(await verifyPassword("password-2", a)).toBe(false);
    expect(await verifyPassword("\u{1F600} astral", await hashPassword("\u{1F600} astral"))).toBe(
      true,
    );
  });

  const tampered = [
    { description: "not a hash at all", hash: () => "garbage" },
    { description: "another scheme", hash: (h: string) => h.replace("pbkdf2-sha256", "scrypt") },
    { description: "another iteration count", hash: (h: string) => h.replace("$10000$", "$1$") },
    {
      description: "a salt that is not base64",
      hash: (h: string) => h.replace(/\$[^$]+\$/, "$!!$"),
    },
    { description: "a key one byte short", hash: (h: string) => h.replace(/[^$]{4}$/, "") },
    { description: "a key with one bit flipped", hash: (h: string) => flipLastKeyBit(h) },
  ];

  it.each(tampered)("refuses a stored hash with $description", async ({ hash }) => {
    const stored = await hashPassword("password-1");
    expect(await verifyPassword("password-1", stored)).toBe(true);
    expect(await verifyPassword("password-1", hash(stored))).toBe(false);
  });
});

function flipLastKeyBit(hash: string): string {
  const parts = hash.split("$");
  const key = Uint8Array.from(atob(parts[3] ?? ""), (c) => c.charCodeAt(0));
  key[key.length - 1] = (key[key.length - 1] ?? 0) ^ 1;
  parts[3] = btoa(String.fromCharCode(...key));
  return parts.join("$");
}
