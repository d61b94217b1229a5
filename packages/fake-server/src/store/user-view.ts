import type { ExperienceGroupSummary, ExperienceUser } from "@experience-users/spec";
import { isoText } from "./dates.js";
import type { StoredGroup, StoredUser } from "./stored-user.js";

/** A group as the API shows it inside a user. */
export function toGroupSummary(group: StoredGroup): ExperienceGroupSummary {
  return { id: group.id, name: group.name, parentId: group.parentId };
}

/** A stored user as the API returns it: dates as ISO text, groups expanded, no password. */
export function toExperienceUser(
  user: StoredUser,
  groups: ReadonlyMap<string, StoredGroup>,
): ExperienceUser {
  const optional = (key: string, value: string | undefined) =>
    value === undefined ? {} : { [key]: value };
  const optionalDate = (key: string, time: number | undefined) =>
    optional(key, time === undefined ? undefined : isoText(time));
  return {
    id: user.id,
    experienceUserId: user.id,
    applicationId: user.applicationId,
    creationDate: isoText(user.creationDate),
    lastUpdated: isoText(user.lastUpdated),
    ...optionalDate("passwordLastUpdated", user.passwordLastUpdated),
    ...optionalDate("lastLogin", user.lastLogin),
    email: user.email,
    ...optional("firstName", user.firstName),
    ...optional("lastName", user.lastName),
    ...optional("avatarUrl", user.avatarUrl),
    ...optional("tokenCutoff", user.tokenCutoff),
    userTags: Object.fromEntries(user.userTags),
    experienceGroups: user.groupIds.flatMap((id) => {
      const group = groups.get(id);
      return group === undefined ? [] : [toGroupSummary(group)];
    }),
  };
}
