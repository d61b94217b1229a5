import type { StoredGroup, StoredUser } from "./stored-user.js";
import { toExperienceUser } from "./user-view.js";

const texts = new WeakMap<StoredUser, string>();

/**
 * The JSON text of {@link toExperienceUser}, rendered once per record and kept while the record
 * lives (a WeakMap entry of about the answer's size; records are never changed, an update makes a
 * new one, and the groups a record names never change either). Rendering a page of 20 users was
 * 85% of the fake's own time for a list (ISO dates and JSON.stringify); reading it back is a
 * lookup.
 */
export function userJson(user: StoredUser, groups: ReadonlyMap<string, StoredGroup>): string {
  let text = texts.get(user);
  if (text === undefined) {
    text = JSON.stringify(toExperienceUser(user, groups));
    texts.set(user, text);
  }
  return text;
}
