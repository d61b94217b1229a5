import { isDeepStrictEqual } from "node:util";
import {
  type AdvancedExperienceUserQuery,
  ApiError,
  createClient,
  type ExperienceUsersClient,
} from "@experience-users/client";
import { type ServedFakeServer, serveFakeServer } from "@experience-users/fake-server";
import { document, resolveRef } from "@experience-users/spec";
import { callFake } from "@experience-users/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUIDE_APPLICATION_ID, guideFixture } from "./support/guide-fixture.js";
import { pointAt, requireProgram, run } from "./support/sample-runners.js";
import { readSpecOutline } from "./support/spec-outline.js";

const spec = readSpecOutline();
const GUIDE = "Advanced Query Guide";
const guide = spec.tag(GUIDE).description;
const CURL = "/usr/bin/curl";

const SMITH = "Bob Smith";
const BAKER = "Bob Baker";
const ADA = "Ada Lovelace";
const GRACE = "Grace Hopper";
const ALAN = "alan Turing";

/**
 * Which users of the guide's fixture each example of the guide finds. An example in the guide
 * without a row here fails, and so does a row whose example left the guide.
 */
const expectations: { query: unknown; finds: string[] }[] = [
  { query: { firstName: "Bob", lastUpdated: "2022-01-30T17:18:11.911Z" }, finds: [SMITH] },
  { query: { lastLogin: null }, finds: [BAKER, GRACE] },
  { query: { email: { $eq: "ada@example.com" } }, finds: [ADA] },
  { query: { lastName: { $ne: "Smith" } }, finds: [BAKER, ADA, GRACE, ALAN] },
  { query: { creationDate: { $gt: "2022-01-01T00:00:00.000Z" } }, finds: [BAKER, GRACE, ALAN] },
  { query: { lastLogin: { $gte: "2022-01-29T08:00:00.000Z" } }, finds: [SMITH, ALAN] },
  { query: { creationDate: { $lt: "2021-01-01T00:00:00.000Z" } }, finds: [ADA] },
  { query: { lastUpdated: { $lte: "2022-01-30T17:18:11.911Z" } }, finds: [SMITH, ADA] },
  { query: { email: { $startsWith: "bob." } }, finds: [SMITH, BAKER] },
  { query: { email: { $endsWith: ".org" } }, finds: [GRACE] },
  { query: { lastName: { $contains: "ace" } }, finds: [ADA] },
  { query: { firstName: "ALAN" }, finds: [] },
  { query: { firstName: { $eq: "ALAN", $ci: true } }, finds: [ALAN] },
  { query: { lastName: { $in: ["Hopper", "Turing"] } }, finds: [GRACE, ALAN] },
  { query: { firstName: { $nin: ["Bob", "Grace"] } }, finds: [ADA, ALAN] },
  { query: { $and: [{ firstName: "Bob" }, { lastLogin: null }] }, finds: [BAKER] },
  { query: { $or: [{ firstName: "Ada" }, { email: { $endsWith: ".org" } }] }, finds: [ADA, GRACE] },
  { query: { $nor: [{ firstName: "Bob" }, { lastLogin: null }] }, finds: [ADA, ALAN] },
  {
    query: {
      $or: [
        { userTags: { plan: "pro" } },
        { $and: [{ creationDate: { $gte: "2022-01-01T00:00:00.000Z" } }, { lastLogin: null }] },
      ],
    },
    finds: [SMITH, BAKER, GRACE],
  },
  { query: { userTags: { $tagKey: "plan", $tagValue: "pro" } }, finds: [SMITH] },
  { query: { userTags: { $tagKey: "region" } }, finds: [SMITH, ADA, ALAN] },
  { query: { userTags: { $tagValue: "eu-west" } }, finds: [ADA, ALAN] },
  {
    query: { userTags: { $tagKey: "plan", $tagValue: { $in: ["pro", "team"] } } },
    finds: [SMITH, ADA],
  },
  { query: { userTags: { plan: "team", region: "eu-west" } }, finds: [ADA] },
  { query: { userTags: { plan: null } }, finds: [GRACE, ALAN] },
  { query: { userTags: null }, finds: [GRACE] },
  { query: { userTags: { $ne: { plan: "free" } } }, finds: [SMITH, ADA, GRACE, ALAN] },
  {
    query: { id: { $in: ["6250a1f0c3b2d4e5f6a7b801", "6250a1f0c3b2d4e5f6a7b803"] } },
    finds: [SMITH, ADA],
  },
  { query: { experienceGroupId: "6250a1f0c3b2d4e5f6a7b901" }, finds: [SMITH, ADA] },
  { query: { experienceGroupId: null }, finds: [BAKER, ALAN] },
];

/** The guide's fenced code blocks of one language, in order. */
function fencedBlocks(text: string, language: string): string[] {
  return [...text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)]
    .filter((match) => match[1] === language)
    .map((match) => match[2] as string);
}

const examples = fencedBlocks(guide, "json").map((text) => {
  const query = JSON.parse(text) as unknown;
  return { query, description: JSON.stringify(query) };
});
const curlExamples = fencedBlocks(guide, "sh").map((text) => ({
  command: text.trim(),
  description: text.split("\n")[0] as string,
}));

function expected(query: unknown): string[] {
  const row = expectations.find((e) => isDeepStrictEqual(e.query, query));
  if (!row) {
    throw new Error(
      `the guide's example ${JSON.stringify(query)} has no expectation: add the users it finds to the table`,
    );
  }
  return [...row.finds].sort();
}

function names(page: { items: { firstName?: string; lastName?: string }[] }): string[] {
  return page.items.map((u) => `${u.firstName} ${u.lastName}`).sort();
}

/** Every operator (`$...` property) of the schemas an Advanced Experience User Query reaches. */
function schemaOperators(): Set<string> {
  const operators = new Set<string>();
  const seen = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") {
        if (!seen.has(child)) {
          seen.add(child);
          walk(resolveRef(document, { $ref: child }));
        }
      } else if (key === "properties" && typeof child === "object" && child !== null) {
        for (const name of Object.keys(child)) if (name.startsWith("$")) operators.add(name);
        walk(child);
      } else {
        walk(child);
      }
    }
  };
  walk({ $ref: "#/components/schemas/AdvancedExperienceUserQuery" });
  return operators;
}

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      into.add(key);
      keysOf(child, into);
    }
  }
  return into;
}

let served: ServedFakeServer;
let client: ExperienceUsersClient;

beforeAll(async () => {
  served = await serveFakeServer({ port: 0, validateResponses: true, fixture: guideFixture });
  client = createClient({ token: served.fake.token, baseUrl: served.url });
});

afterAll(async () => {
  await served?.close();
});

describe(`the ${GUIDE}`, () => {
  it("has examples, and every row of the expectations is an example of the guide", () => {
    expect(examples.length).toBeGreaterThanOrEqual(expectations.length);
    const stale = expectations.filter(
      (e) => !examples.some((x) => isDeepStrictEqual(x.query, e.query)),
    );
    expect(stale.map((e) => JSON.stringify(e.query))).toEqual([]);
  });

  it("uses every operator of the Advanced Experience User Query schema in an example", () => {
    const used = keysOf(examples.map((e) => e.query));
    const operators = [...schemaOperators()];
    expect(operators.length).toBeGreaterThanOrEqual(17);
    expect(operators.filter((operator) => !used.has(operator))).toEqual([]);
  });

  it("names every field an Advanced Experience User Query can test", () => {
    const schema = document.components.schemas?.AdvancedExperienceUserQuery as {
      properties: Record<string, unknown>;
    };
    const fields = Object.keys(schema.properties).filter((name) => !name.startsWith("$"));
    expect(fields.filter((field) => !guide.includes(`\`${field}\``))).toEqual([]);
  });

  it.each(examples)("$description finds the expected users", async ({ query }) => {
    const page = await client.users.list({
      applicationId: GUIDE_APPLICATION_ID,
      query: query as AdvancedExperienceUserQuery,
    });
    expect(names(page)).toEqual(expected(query));
    expect(page.totalCount).toBe(page.items.length);
  });

  it("query overrides filterField, filter, experienceGroupId and includeAncestorGroups", async () => {
    const first = examples[0]?.query as AdvancedExperienceUserQuery;
    const page = await client.users.list({
      applicationId: GUIDE_APPLICATION_ID,
      query: first,
      filterField: "email",
      filter: "nobody*",
      experienceGroupId: "none",
      includeAncestorGroups: "true",
    });
    expect(names(page)).toEqual(expected(first));
    const filtered = await client.users.list({
      applicationId: GUIDE_APPLICATION_ID,
      filterField: "email",
      filter: "nobody*",
    });
    expect(filtered.items).toEqual([]);
  });

  it.each([
    ["a query that is not JSON", "{firstName: Bob}"],
    ["an operator the schema does not have", JSON.stringify({ firstName: { $regex: "^B" } })],
  ])("answers %s with 400", async (_, text) => {
    const overHttp = {
      token: served.fake.token,
      fetch: (path: string, init?: RequestInit) => fetch(`${served.url}${path}`, init),
    };
    const answer = await callFake(
      overHttp,
      "GET",
      `/applications/${GUIDE_APPLICATION_ID}/experience/users`,
      {
        query: { query: text },
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: "Validation" });
    await expect(
      client.users.list({
        applicationId: GUIDE_APPLICATION_ID,
        query: { firstName: { $regex: "^B" } } as never,
      }),
    ).rejects.toBeInstanceOf(ApiError);
  });
});

describe(`the ${GUIDE}'s curl examples, run with the real curl against the HTTP fake`, () => {
  beforeAll(() => requireProgram(CURL, "apt-get install curl"));

  it("has the URL-encoded form and curl's own encoding", () => {
    expect(curlExamples.map((e) => e.command)).toEqual([
      expect.stringContaining("?query=%7B%22"),
      expect.stringContaining("--data-urlencode 'query="),
    ]);
  });

  it.each(curlExamples)("$description finds the users of its query", async ({ command }) => {
    const encoded = /query=([^'\s]+)/.exec(command)?.[1];
    if (!encoded) throw new Error(`no query= in ${command}`);
    const query = JSON.parse(decodeURIComponent(encoded)) as unknown;
    const local = pointAt(command, {
      serverUrl: spec.serverUrl,
      baseUrl: served.url,
      token: served.fake.token,
    });
    const result = await run("/bin/sh", ["-c", `${local} --silent --show-error`]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(names(JSON.parse(result.stdout))).toEqual(expected(query));
  });
});
