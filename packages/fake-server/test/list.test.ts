import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listUsers, pageJson, pageValue, selectPage } from "../src/list/list-users.js";
import { pickPage } from "../src/list/sorted-range.js";
import { ascendingBy } from "../src/store/user-fields.js";
import { specSortFields } from "./support/sort-fields.js";
import { APP, storedUsers } from "./support/stored-users.js";

const ROOT = "6a0000000000000000000001";
const MIDDLE = "6a0000000000000000000002";
const LEAF = "6a0000000000000000000003";
const OTHER = "6a0000000000000000000004";
const id = (n: number) => `7a00000000000000000000${String(n).padStart(2, "0")}`;

const { app } = storedUsers(
  [
    {
      id: id(5),
      email: "eve@x.co",
      firstName: "Eve",
      lastLogin: "2024-01-02T00:00:00Z",
      experienceGroupIds: [ROOT],
    },
    { id: id(1), email: "ann@x.co", firstName: "Ann", experienceGroupIds: [MIDDLE] },
    { id: id(3), email: "cy@x.co", lastLogin: "2024-01-01T00:00:00Z", experienceGroupIds: [LEAF] },
    { id: id(2), email: "bob@x.co", firstName: "Ann", experienceGroupIds: [OTHER] },
    { id: id(4), email: "dee@x.co", firstName: "dee" },
  ],
  [
    { id: ROOT, name: "Root" },
    { id: MIDDLE, name: "Middle", parentId: ROOT },
    { id: LEAF, name: "Leaf", parentId: MIDDLE },
    { id: OTHER, name: "Other" },
  ],
);

const names = (query: Parameters<typeof listUsers>[1]) =>
  (listUsers(app, query).items ?? []).map((u) => u.email?.split("@")[0]);

describe("listUsers", () => {
  it("sorts by email ascending by default", () => {
    expect(names({})).toEqual(["ann", "bob", "cy", "dee", "eve"]);
  });

  it("puts a missing value first, breaks ties by id, and reverses both for desc", () => {
    expect(names({ sortField: "firstName" })).toEqual(["cy", "ann", "bob", "eve", "dee"]);
    expect(names({ sortField: "firstName", sortDirection: "desc" })).toEqual([
      "dee",
      "eve",
      "bob",
      "ann",
      "cy",
    ]);
    expect(names({ sortField: "lastLogin" })).toEqual(["ann", "bob", "dee", "cy", "eve"]);
  });

  it("pages and counts", () => {
    const page = listUsers(app, { perPage: 2, page: 1 });
    expect(page).toMatchObject({ count: 2, totalCount: 5, page: 1, perPage: 2 });
    expect(names({ perPage: 2, page: 2 })).toEqual(["eve"]);
    expect(names({ perPage: 2, page: 3 })).toEqual([]);
  });

  it("echoes the request, and experienceGroupId only when it is an id", () => {
    expect(
      listUsers(app, { filterField: "email", filter: "a*", experienceGroupId: ROOT }),
    ).toMatchObject({
      sortField: "email",
      sortDirection: "asc",
      filterField: "email",
      filter: "a*",
      applicationId: APP,
      experienceGroupId: ROOT,
    });
    expect(listUsers(app, { experienceGroupId: "any" })).not.toHaveProperty("experienceGroupId");
  });

  it("filters by glob, ignoring case and users without the field", () => {
    expect(names({ filterField: "firstName", filter: "A*" })).toEqual(["ann", "bob"]);
    expect(names({ filterField: "firstName", filter: "*" })).toEqual(["ann", "bob", "dee", "eve"]);
    expect(names({ filterField: "", filter: "A*" })).toHaveLength(5);
    expect(names({ filterField: "email", filter: "" })).toHaveLength(5);
  });

  it("filters by group: members, any, none, and with the group's ancestors", () => {
    expect(names({ experienceGroupId: LEAF })).toEqual(["cy"]);
    expect(names({ experienceGroupId: LEAF, includeAncestorGroups: "true" })).toEqual([
      "ann",
      "cy",
      "eve",
    ]);
    expect(names({ experienceGroupId: MIDDLE, includeAncestorGroups: "true" })).toEqual([
      "ann",
      "eve",
    ]);
    expect(names({ experienceGroupId: ROOT, includeAncestorGroups: "true" })).toEqual(["eve"]);
    expect(names({ experienceGroupId: "any" })).toEqual(["ann", "bob", "cy", "eve"]);
    expect(names({ experienceGroupId: "none" })).toEqual(["dee"]);
    expect(names({ experienceGroupId: "6a00000000000000000000ff" })).toEqual([]);
  });

  it.each([
    { value: "true", widened: true },
    { value: "1", widened: true },
    { value: "yes", widened: true },
    { value: "false", widened: false },
    { value: "", widened: false },
  ])("includeAncestorGroups=$value counts as set: $widened", ({ value, widened }) => {
    expect(names({ experienceGroupId: LEAF, includeAncestorGroups: value })).toEqual(
      widened ? ["ann", "cy", "eve"] : ["cy"],
    );
  });

  it("combines the glob and group filters", () => {
    expect(names({ experienceGroupId: "any", filterField: "firstName", filter: "ann" })).toEqual([
      "ann",
      "bob",
    ]);
  });

  it("lets query override every other filter", () => {
    expect(
      names({
        experienceGroupId: "none",
        filterField: "email",
        filter: "zzz",
        query: { firstName: "Eve" },
      }),
    ).toEqual(["eve"]);
  });
});

describe("pickPage", () => {
  it("with every item kept, returns what sorting everything and slicing would", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { maxLength: 300 }),
        fc.nat(320),
        fc.nat(320),
        (items, a, b) => {
          const [start, end] = a <= b ? [a, b] : [b, a];
          const compare = (x: number, y: number) => x - y;
          const expected = [...items].sort(compare).slice(start, end);
          const range = { start, end, size: items.length };
          expect(pickPage(items, () => true, compare, range).items).toEqual(expected);
        },
      ),
    );
  });

  it("returns the page of the matches sorting them would, and counts every match", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -500, max: 500 }), { maxLength: 200, size: "max" }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(60),
        fc.nat(60),
        fc.nat(400),
        (items, modulus, a, b, slack) => {
          const [start, end] = a <= b ? [a, b] : [b, a];
          const keep = (x: number) => Math.abs(x) % modulus === 0;
          const compare = (x: number, y: number) => x - y;
          const matches = items.filter(keep).sort(compare);
          const range = { start, end, size: items.length + slack };
          expect(pickPage(items, keep, compare, range)).toEqual({
            items: matches.slice(start, end),
            total: matches.length,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("an unfiltered page, read off the kept sorted order", () => {
  const name = fc.option(fc.constantFrom("ann", "Ann", "bob", "Bob", "cy"), { nil: undefined });
  const step = fc.oneof(
    fc.record({ op: fc.constant("add" as const), firstName: name, login: fc.option(fc.nat(3)) }),
    fc.record({
      op: fc.constant("update" as const),
      pick: fc.nat(),
      firstName: name,
      email: fc.boolean(),
    }),
    fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }),
  );

  it("stays what sorting the users would give after creates, patches and deletes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 30 }),
        fc.constantFrom(...specSortFields()),
        fc.constantFrom("asc" as const, "desc" as const),
        fc.integer({ min: 1, max: 8 }),
        async (steps, sortField, sortDirection, perPage) => {
          const { store, app } = storedUsers([
            { email: "seed-b@x.co", firstName: "Bob" },
            { email: "seed-a@x.co" },
          ]);
          let n = 0;
          for (const write of steps) {
            listUsers(app, { sortField, sortDirection, perPage });
            const ids = [...app.users.keys()];
            const target =
              ids.length === 0 ? undefined : ids[("pick" in write ? write.pick : 0) % ids.length];
            if (write.op === "add") {
              store.addUser(APP, {
                email: `u${n++}@x.co`,
                ...(write.firstName && { firstName: write.firstName }),
                ...(write.login !== null && {
                  lastLogin: new Date(write.login * 1e3).toISOString(),
                }),
              });
            } else if (target !== undefined && write.op === "update") {
              await store.updateUser(APP, target, {
                ...(write.firstName && { firstName: write.firstName }),
                ...(write.email && { email: `p${n++}@x.co` }),
              });
            } else if (target !== undefined) {
              store.deleteUser(APP, target);
            }
            const ascending = [...app.users.values()].sort(ascendingBy(sortField));
            const expected = sortDirection === "asc" ? ascending : ascending.reverse();
            for (let page = 0; page * perPage <= expected.length; page++) {
              const listed = listUsers(app, { sortField, sortDirection, perPage, page });
              expect(listed.items.map((u) => u.id)).toEqual(
                expected.slice(page * perPage, (page + 1) * perPage).map((u) => u.id),
              );
              expect(listed.totalCount).toBe(expected.length);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("the three ways to a page", () => {
  it("agree: kept sorted order, heap over matches, and sorting the matches", async () => {
    const firstNames = ["ann", "Bob", "bob", undefined, "cy"];
    const many = storedUsers(
      Array.from({ length: 60 }, (_, i) => ({
        email: `u${(i * 37) % 60}@x.co`,
        ...(firstNames[i % 5] && { firstName: firstNames[i % 5] }),
        ...(i % 3 === 0 && { lastLogin: new Date(Date.UTC(2024, 0, 1 + (i % 7))).toISOString() }),
      })),
    );
    const sortFields = specSortFields();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sortFields),
        fc.constantFrom("asc" as const, "desc" as const),
        fc.integer({ min: 1, max: 70 }),
        fc.nat(8),
        fc.option(fc.nat(59), { nil: undefined }),
        async (sortField, sortDirection, perPage, page, patched) => {
          if (patched !== undefined) {
            const target = [...many.app.users.keys()][patched] as string;
            await many.store.updateUser(APP, target, { firstName: `p${patched % 4}` });
          }
          const plain = listUsers(many.app, { sortField, sortDirection, perPage, page });
          const everything = listUsers(many.app, {
            sortField,
            sortDirection,
            perPage,
            page,
            query: { $and: [] },
          });
          expect(everything.items).toEqual(plain.items);
          expect(everything.totalCount).toBe(60);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const tricky = JSON.parse('{"__proto__":"x","k\\n":"v\\u2028"}') as Record<string, string>;

describe("the rendered list answer", () => {
  it("is the bytes of JSON.stringify of the same answer as an object, before and after writes", async () => {
    const many = storedUsers(
      Array.from({ length: 30 }, (_, i) => ({
        email: `u${i}@x.co`,
        ...(i % 2 === 0 && { firstName: `First ${i} "quoted" \u00e9\u{1f600}` }),
        ...(i % 3 === 0 && { lastName: "Last", avatarUrl: "https://x.co/a.png" }),
        ...(i % 4 === 0 && {
          lastLogin: "2024-01-02T00:00:00Z",
          tokenCutoff: "2024-01-03T00:00:00Z",
        }),
        ...(i % 5 === 0 && { experienceGroupIds: [ROOT, OTHER] }),
        userTags: i % 2 ? tricky : {},
      })),
      [
        { id: ROOT, name: "Root" },
        { id: OTHER, name: "Other \\ / \u0000" },
      ],
    );
    const ids = [...many.app.users.keys()];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...specSortFields()),
        fc.constantFrom("asc" as const, "desc" as const),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(3),
        fc.option(fc.constantFrom("u1*", "*x.co", "u?"), { nil: undefined }),
        fc.option(fc.record({ index: fc.nat(29), firstName: fc.string() }), { nil: undefined }),
        async (sortField, sortDirection, perPage, page, filter, patch) => {
          if (patch !== undefined) {
            await many.store.updateUser(APP, ids[patch.index] as string, {
              firstName: patch.firstName,
            });
          }
          const query = {
            sortField,
            sortDirection,
            perPage,
            page,
            ...(filter === undefined ? {} : { filterField: "email" as const, filter }),
          };
          const selected = selectPage(many.app, query);
          expect(pageJson(selected)).toBe(JSON.stringify(pageValue(selected)));
          expect(JSON.parse(pageJson(selected))).toEqual(listUsers(many.app, query));
        },
      ),
      { numRuns: 200 },
    );
  });
});
