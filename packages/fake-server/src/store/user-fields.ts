import type { AdvancedExperienceUserQuery, ListQuery } from "@experience-users/spec";
import type { StoredUser } from "./stored-user.js";

/** A field the list can be sorted by (the spec's `sortField` enum). */
export type SortField = NonNullable<ListQuery["sortField"]>;
/** A field the list can be glob-filtered by (the spec's `filterField` enum, blank excluded). */
export type FilterField = Exclude<NonNullable<ListQuery["filterField"]>, "">;
/** A field an advanced query compares as one value (not a combinator, tags or groups). */
export type ScalarQueryField = Exclude<
  keyof AdvancedExperienceUserQuery,
  "$and" | "$or" | "$nor" | "userTags" | "experienceGroupId"
>;

/** A stored field value: strings as strings, dates as epoch milliseconds, missing as undefined. */
export type FieldValue = string | number | undefined;

/**
 * How to read each sortable, filterable or queryable field of a stored user. Dates are numbers,
 * which is how sorting and queries know to compare them as times.
 */
export const userFields: Record<
  SortField | FilterField | ScalarQueryField,
  (user: StoredUser) => FieldValue
> = {
  id: (u) => u.id,
  email: (u) => u.email,
  firstName: (u) => u.firstName,
  lastName: (u) => u.lastName,
  creationDate: (u) => u.creationDate,
  lastUpdated: (u) => u.lastUpdated,
  lastLogin: (u) => u.lastLogin,
  passwordLastUpdated: (u) => u.passwordLastUpdated,
};

/** The lowercased value of a text field that glob filters and `$ci` queries compare. */
export const foldedUserFields: Record<FilterField, (user: StoredUser) => string | undefined> = {
  email: (u) => u.emailLower,
  firstName: (u) => u.firstNameLower,
  lastName: (u) => u.lastNameLower,
};

function compareValues(a: FieldValue, b: FieldValue): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

const comparators = new Map<SortField, (a: StoredUser, b: StoredUser) => number>();

/** Ascending order of a field, a missing value first, ties broken by id. */
export function ascendingBy(field: SortField): (a: StoredUser, b: StoredUser) => number {
  let compare = comparators.get(field);
  if (compare === undefined) {
    const read = userFields[field];
    compare = (a, b) => compareValues(read(a), read(b)) || compareValues(a.id, b.id);
    comparators.set(field, compare);
  }
  return compare;
}
