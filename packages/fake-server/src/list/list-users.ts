import type { ExperienceUsers, ListQuery } from "@experience-users/spec";
import { isId } from "@experience-users/validators";
import { listDefault } from "../spec-lookups.js";
import type { ApplicationState } from "../store/application-state.js";
import type { StoredUser } from "../store/stored-user.js";
import { ascendingBy, foldedUserFields, type SortField } from "../store/user-fields.js";
import { userJson } from "../store/user-json.js";
import { toExperienceUser } from "../store/user-view.js";
import { compileGlob } from "./glob.js";
import { groupFilter } from "./group-filter.js";
import { allOf } from "./query/combine.js";
import { compileQuery, type UserPredicate } from "./query/compile-query.js";
import { type PickedPage, pickPage } from "./sorted-range.js";

function globFilter(query: ListQuery): UserPredicate | undefined {
  const { filterField, filter } = query;
  if (filterField === undefined || filterField === "" || filter === undefined || filter === "") {
    return undefined;
  }
  const read = foldedUserFields[filterField];
  const matches = compileGlob(filter, { lowerCaseValues: true });
  return (user) => {
    const value = read(user);
    return value !== undefined && matches(value);
  };
}

/** The filters a list request asks for, as one predicate; undefined when it asks for none. */
function predicateOf(app: ApplicationState, query: ListQuery): UserPredicate | undefined {
  if (query.query !== undefined) return compileQuery(query.query);
  const tests = [
    globFilter(query),
    query.experienceGroupId === undefined
      ? undefined
      : groupFilter(app, query.experienceGroupId, isSet(query.includeAncestorGroups)),
  ].filter((test) => test !== undefined);
  if (tests.length === 0) return undefined;
  return allOf(tests);
}

function pageOf(
  app: ApplicationState,
  sortField: SortField,
  descending: boolean,
  matches: UserPredicate | undefined,
  range: { start: number; end: number },
): PickedPage<StoredUser> {
  const { start, end } = range;
  if (matches !== undefined) {
    const ascending = ascendingBy(sortField);
    const compare = descending ? (a: StoredUser, b: StoredUser) => ascending(b, a) : ascending;
    return pickPage(app.users.values(), matches, compare, { start, end, size: app.users.size });
  }
  const order = app.sorted.ascending(sortField);
  const total = order.length;
  const items = descending
    ? order.slice(total - end, total - start).reverse()
    : order.slice(start, end);
  return { items, total };
}

/** A page picked for a list answer: its users, and every other field of the answer in order. */
interface SelectedPage {
  readonly app: ApplicationState;
  readonly users: readonly StoredUser[];
  readonly rest: Omit<ExperienceUsers, "items">;
}

/**
 * One page of an application's users: filtered (the `query`, which overrides the other filters;
 * else the glob filter and the group filter together) in creation order, then the page picked in
 * sort order (see {@link pickPage}); an unfiltered page is read off the kept sorted order.
 */
export function selectPage(app: ApplicationState, query: ListQuery): SelectedPage {
  const sortField = query.sortField ?? listDefault("sortField");
  const sortDirection = query.sortDirection ?? listDefault("sortDirection");
  const page = query.page ?? listDefault("page");
  const perPage = query.perPage ?? listDefault("perPage");
  const start = page * perPage;
  const { items, total } = pageOf(
    app,
    sortField,
    sortDirection === "desc",
    predicateOf(app, query),
    {
      start,
      end: start + perPage,
    },
  );
  return {
    app,
    users: items,
    rest: {
      count: items.length,
      totalCount: total,
      perPage,
      page,
      sortField,
      sortDirection,
      ...(query.filterField === undefined ? {} : { filterField: query.filterField }),
      ...(query.filter === undefined ? {} : { filter: query.filter }),
      applicationId: app.id,
      ...(isId(query.experienceGroupId) ? { experienceGroupId: query.experienceGroupId } : {}),
    },
  };
}

/** The list answer as an object. */
export function pageValue({ app, users, rest }: SelectedPage): ExperienceUsers {
  return { items: users.map((user) => toExperienceUser(user, app.groups)), ...rest };
}

/**
 * The list answer's JSON text, the same bytes as `JSON.stringify(pageValue(page))`: the items from
 * the per-record cache (see {@link userJson}), the rest stringified after them.
 */
export function pageJson({ app, users, rest }: SelectedPage): string {
  let items = "";
  for (let i = 0; i < users.length; i++) {
    items += (i === 0 ? "" : ",") + userJson(users[i] as StoredUser, app.groups);
  }
  return `{"items":[${items}],${JSON.stringify(rest).slice(1)}`;
}

/** One page of an application's users as an object (see {@link selectPage}). */
export function listUsers(app: ApplicationState, query: ListQuery): ExperienceUsers {
  return pageValue(selectPage(app, query));
}

/** "If set": any value but an empty one or `false` (the spec's choice, as it says). */
function isSet(flag: string | undefined): boolean {
  return flag !== undefined && flag !== "" && flag !== "false";
}
