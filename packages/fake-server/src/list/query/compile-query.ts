import type {
  AdvancedExperienceUserQuery,
  FieldCondition,
  IdCondition,
  UserTagsCondition,
} from "@experience-users/spec";
import type { StoredUser } from "../../store/stored-user.js";
import {
  type FilterField,
  foldedUserFields,
  type ScalarQueryField,
  userFields,
} from "../../store/user-fields.js";
import { allOf, anyOf } from "./combine.js";
import { compileCondition, isCaseInsensitive } from "./field-condition.js";
import { compileTagsCondition } from "./tags-condition.js";

/** Whether a stored user matches. */
export type UserPredicate = (user: StoredUser) => boolean;

function fieldTest(field: string, condition: unknown): UserPredicate {
  if (field === "userTags") {
    const test = compileTagsCondition(condition as UserTagsCondition);
    return (user) => test(user.userTags);
  }
  if (field === "experienceGroupId") {
    const test = compileCondition(condition as IdCondition, { ids: true });
    return (user) => test.many(user.groupIds);
  }
  if (!Object.hasOwn(userFields, field)) throw new Error(`unknown query field ${field}`);
  const folded =
    isCaseInsensitive(condition as FieldCondition) && Object.hasOwn(foldedUserFields, field);
  const read = folded
    ? foldedUserFields[field as FilterField]
    : userFields[field as ScalarQueryField];
  const test = compileCondition(condition as FieldCondition, {
    ids: field === "id",
    lowerCaseValues: folded,
  });
  return (user) => test.one(read(user));
}

/**
 * Compiles a validated Advanced Experience User Query into a predicate: every key must hold;
 * `$and` and `$or` of no queries match everything, `$nor` of none matches nothing (as the spec
 * says); fields compare as {@link compileCondition} and {@link compileTagsCondition} describe.
 */
export function compileQuery(query: AdvancedExperienceUserQuery): UserPredicate {
  const entries = Object.entries(query).filter(([, condition]) => condition !== undefined);
  const tests = entries.map(([key, condition]): UserPredicate => {
    if (key === "$and" || key === "$or" || key === "$nor") {
      const parts = (condition as AdvancedExperienceUserQuery[]).map(compileQuery);
      if (key === "$and") return allOf(parts);
      if (parts.length === 0) return () => key === "$or";
      const some = anyOf(parts);
      return key === "$or" ? some : (user) => !some(user);
    }
    return fieldTest(key, condition);
  });
  return allOf(tests);
}
