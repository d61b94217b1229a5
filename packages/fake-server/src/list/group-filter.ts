import type { ExperienceGroupFilter } from "@experience-users/spec";
import type { ApplicationState } from "../store/application-state.js";
import type { UserPredicate } from "./query/compile-query.js";

function withAncestors(app: ApplicationState, groupId: string): Set<string> {
  const ids = new Set<string>();
  let current: string | null | undefined = groupId;
  while (current !== null && current !== undefined && !ids.has(current)) {
    ids.add(current);
    current = app.groups.get(current)?.parentId;
  }
  return ids;
}

/**
 * The list's `experienceGroupId` filter: `any` keeps users in at least one group, `none` users in
 * no group, a group id the group's direct members and, with `includeAncestorGroups`, also the
 * members of each of its ancestors (parent, grandparent, ...), as the parameter's description
 * says. An id that names no group of the application matches nobody.
 */
export function groupFilter(
  app: ApplicationState,
  experienceGroupId: ExperienceGroupFilter,
  includeAncestorGroups: boolean,
): UserPredicate {
  if (experienceGroupId === "any") return (user) => user.groupIds.length > 0;
  if (experienceGroupId === "none") return (user) => user.groupIds.length === 0;
  const id = experienceGroupId.toLowerCase();
  const wanted = includeAncestorGroups ? withAncestors(app, id) : new Set([id]);
  return (user) => user.groupIds.some((groupId) => wanted.has(groupId));
}
