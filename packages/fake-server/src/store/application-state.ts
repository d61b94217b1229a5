import { SortedUsers } from "./sorted-users.js";
import type { StoredGroup, StoredUser } from "./stored-user.js";

/** The case-insensitive key under which an email must be unique within an application. */
function emailKey(email: string): string {
  return email.toLowerCase();
}

/**
 * One application's users and groups with the indexes kept in step: users by id (in creation
 * order), user ids by lowercased email (O(1) uniqueness checks) and the sorted orders.
 */
export class ApplicationState {
  readonly #users = new Map<string, StoredUser>();
  readonly #emails = new Map<string, string>();
  readonly #groups = new Map<string, StoredGroup>();
  readonly sorted = new SortedUsers(() => this.#users.values());

  constructor(
    readonly id: string,
    readonly name: string,
  ) {}

  get users(): ReadonlyMap<string, StoredUser> {
    return this.#users;
  }

  get groups(): ReadonlyMap<string, StoredGroup> {
    return this.#groups;
  }

  /** The id of the user holding this email (compared case-insensitively), if any. */
  userIdByEmail(email: string): string | undefined {
    return this.#emails.get(emailKey(email));
  }

  addGroup(group: StoredGroup): void {
    this.#groups.set(group.id, group);
  }

  insert(user: StoredUser): void {
    this.#users.set(user.id, user);
    this.#emails.set(emailKey(user.email), user.id);
    this.sorted.insert(user);
  }

  /** Swaps a user's record for its updated one, keeping its place in creation order. */
  replace(previous: StoredUser, next: StoredUser): void {
    this.sorted.remove(previous);
    this.#emails.delete(emailKey(previous.email));
    this.insert(next);
  }

  remove(user: StoredUser): void {
    this.sorted.remove(user);
    this.#users.delete(user.id);
    this.#emails.delete(emailKey(user.email));
  }
}
