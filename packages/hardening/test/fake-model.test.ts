import { ApiError, createClient, type ExperienceUsersClient } from "@experience-users/client";
import { createFakeServer, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const applicationId = EXAMPLE_APPLICATION_ID;
const EMAILS = [
  "ann@example.com",
  "bob@example.com",
  "cy@example.org",
  "dee@example.net",
  "eve@example.io",
];
const MISSING = "0123456789abcdef01234567";

/** What the test believes the fake holds: user id -> email. */
interface Model {
  users: Map<string, string>;
}

interface Real {
  client: ExperienceUsersClient;
}

const lower = (email: string) => email.toLowerCase();
const taken = (model: Model, email: string, except?: string) =>
  [...model.users].some(([id, e]) => id !== except && lower(e) === lower(email));
const pickId = (model: Model, index: number) =>
  [...model.users.keys()][index % Math.max(1, model.users.size)] ?? MISSING;

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(readonly email: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    if (taken(model, this.email)) {
      expect(
        await status(
          real.client.users.create(
            { applicationId },
            { email: this.email, password: "a-password" },
          ),
        ),
      ).toBe(400);
      return;
    }
    const user = await real.client.users.create(
      { applicationId },
      { email: this.email, password: "a-password" },
    );
    expect(user.email).toBe(this.email);
    expect(user).not.toHaveProperty("password");
    model.users.set(user.id as string, this.email);
  }
  toString = () => `create(${this.email})`;
}

class Get implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly index: number,
    readonly missing: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = this.missing ? MISSING : pickId(model, this.index);
    if (!model.users.has(id)) {
      expect(await status(real.client.users.get({ applicationId, experienceUserId: id }))).toBe(
        404,
      );
      return;
    }
    const user = await real.client.users.get({ applicationId, experienceUserId: id });
    expect(user.email).toBe(model.users.get(id));
  }
  toString = () => `get(${this.missing ? "missing" : this.index})`;
}

class Patch implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly index: number,
    readonly email: string,
  ) {}
  check = (model: Readonly<Model>) => model.users.size > 0;
  async run(model: Model, real: Real) {
    const id = pickId(model, this.index);
    const call = real.client.users.update(
      { applicationId, experienceUserId: id },
      { email: this.email, firstName: "Patched" },
    );
    if (taken(model, this.email, id)) {
      expect(await status(call)).toBe(400);
      return;
    }
    const user = await call;
    expect(user).toMatchObject({ id, email: this.email, firstName: "Patched" });
    model.users.set(id, this.email);
  }
  toString = () => `patch(${this.index}, ${this.email})`;
}

class Delete implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.users.size > 0;
  async run(model: Model, real: Real) {
    const id = pickId(model, this.index);
    await expect(
      real.client.users.delete({ applicationId, experienceUserId: id }),
    ).resolves.toEqual({ success: true });
    model.users.delete(id);
    expect(await status(real.client.users.get({ applicationId, experienceUserId: id }))).toBe(404);
  }
  toString = () => `delete(${this.index})`;
}

class List implements fc.AsyncCommand<Model, Real> {
  constructor(readonly perPage: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const seen: string[] = [];
    const pages = Math.ceil(model.users.size / this.perPage) + 1;
    for (let page = 0; page < pages; page++) {
      const result = await real.client.users.list({
        applicationId,
        perPage: this.perPage,
        page,
        sortField: "email",
      });
      const expected = Math.max(0, Math.min(this.perPage, model.users.size - page * this.perPage));
      expect(result).toMatchObject({
        totalCount: model.users.size,
        count: expected,
        page,
        perPage: this.perPage,
      });
      seen.push(...(result.items ?? []).map((u) => u.id as string));
    }
    expect(seen.sort()).toEqual([...model.users.keys()].sort());
    const emails = new Set([...model.users.values()].map(lower));
    expect(emails.size).toBe(model.users.size);
  }
  toString = () => `list(perPage ${this.perPage})`;
}

const email = fc
  .constantFrom(...EMAILS)
  .chain((e) => fc.constantFrom(e, e.toUpperCase(), `${e[0]?.toUpperCase()}${e.slice(1)}`));
const commands = [
  email.map((e) => new Create(e)),
  fc.tuple(fc.nat(20), fc.boolean()).map(([i, missing]) => new Get(i, missing)),
  fc.tuple(fc.nat(20), email).map(([i, e]) => new Patch(i, e)),
  fc.nat(20).map((i) => new Delete(i)),
  fc.integer({ min: 1, max: 4 }).map((n) => new List(n)),
];

describe("the fake against a model (random sequences of create / get / patch / delete / list)", () => {
  it("loses nothing created, brings nothing deleted back, pages agree, emails stay unique", async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40 }), async (cmds) => {
        const fake = createFakeServer({ validateResponses: true });
        const client = createClient({
          token: fake.token,
          baseUrl: fake.baseUrl,
          fetch: fake.fetch,
        });
        await fc.asyncModelRun(() => ({ model: { users: new Map() }, real: { client } }), cmds);
        expect(fake.faults).toEqual([]);
        expect(
          fake.store
            .users(applicationId)
            .map((u) => u.id)
            .sort(),
        ).toEqual(
          (await client.users.list({ applicationId, perPage: 1000 })).items
            ?.map((u) => u.id)
            .sort(),
        );
      }),
      { numRuns: 80 },
    );
  });
});
