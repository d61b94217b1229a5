import type {
  ExperienceGroupSummary,
  ExperienceUser,
  ExperienceUserPatch,
  ExperienceUserPost,
} from "@experience-users/spec";
import { isId } from "@experience-users/validators";
import type { FixtureUser } from "../fixture/fixture.js";
import { problems } from "../problem.js";
import { RenderedJson } from "../rendered-json.js";
import { ApplicationState } from "./application-state.js";
import { normalizeDateTime, toTime } from "./dates.js";
import { createIdGenerator } from "./object-id.js";
import { hashPassword, verifyPassword } from "./password.js";
import { type StoredUser, storedUser } from "./stored-user.js";
import { userJson } from "./user-json.js";
import { toExperienceUser, toGroupSummary } from "./user-view.js";

/** An application as the store's accessors show it. */
export interface FakeApplicationInfo {
  readonly id: string;
  readonly name: string;
}

/** A group as the store's accessors show it, with the ids of its direct members. */
export interface FakeGroupInfo extends ExperienceGroupSummary {
  readonly memberIds: readonly string[];
}

/** Read access to a fake's data for tests. Users come as the API shows them: no password hash. */
export interface FakeStoreView {
  applications(): FakeApplicationInfo[];
  /** The application's groups, in creation order. Throws for an unknown application. */
  groups(applicationId: string): FakeGroupInfo[];
  /** The application's users, in creation order. Throws for an unknown application. */
  users(applicationId: string): ExperienceUser[];
  user(applicationId: string, userId: string): ExperienceUser | undefined;
  /** True when the user exists and the password is the one it was given. */
  verifyPassword(applicationId: string, userId: string, password: string): Promise<boolean>;
}

/** A new application; both fields are optional. */
export interface ApplicationInput {
  id?: string;
  name?: string;
}

/** A new group; `parentId` must name an existing group of the same application. */
export interface GroupInput {
  id?: string;
  name: string;
  parentId?: string | null;
}

function checkedId(id: string | undefined, what: string): string | undefined {
  if (id !== undefined && !isId(id)) {
    throw new TypeError(`${what} id ${JSON.stringify(id)} is not 24 hex characters`);
  }
  return id?.toLowerCase();
}

function seedTime(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const time = toTime(text);
  if (time === undefined) {
    throw problems.invalid(`${field} ${JSON.stringify(text)} is not a representable date-time`);
  }
  return time;
}

function pendingHash(password: string | undefined): Promise<string> | undefined {
  if (password === undefined) return undefined;
  const hash = hashPassword(password);
  hash.catch(() => undefined);
  return hash;
}

function tagMap(tags: Readonly<Record<string, string>> | undefined): Map<string, string> {
  return new Map(Object.entries(tags ?? {}));
}

/**
 * The fake's state: applications with their groups and users, and every rule a write must keep
 * (unique email per application, existing groups). Throws {@link problems} the API would answer.
 */
export class FakeStore implements FakeStoreView {
  readonly #apps = new Map<string, ApplicationState>();
  readonly #now: () => Date;
  readonly #newId: () => string;

  constructor(now: () => Date) {
    this.#now = now;
    this.#newId = createIdGenerator(now);
  }

  /** The application, or a 404 Problem. */
  application(applicationId: string): ApplicationState {
    const app = this.#apps.get(applicationId.toLowerCase());
    if (app === undefined) throw problems.applicationNotFound();
    return app;
  }

  addApplication(input: ApplicationInput = {}): string {
    const id = checkedId(input.id, "application") ?? this.#freshId((x) => this.#apps.has(x));
    if (this.#apps.has(id)) throw new Error(`application ${id} already exists`);
    this.#apps.set(id, new ApplicationState(id, input.name ?? `Application ${id}`));
    return id;
  }

  addGroup(applicationId: string, input: GroupInput): ExperienceGroupSummary {
    const app = this.application(applicationId);
    const id = checkedId(input.id, "group") ?? this.#freshId((x) => app.groups.has(x));
    const parentId = checkedId(input.parentId ?? undefined, "parent group") ?? null;
    if (app.groups.has(id)) throw new Error(`group ${id} already exists`);
    if (parentId !== null && !app.groups.has(parentId)) {
      throw new Error(`parent group ${parentId} of group ${id} does not exist`);
    }
    const group = { id, name: input.name, parentId };
    app.addGroup(group);
    return toGroupSummary(group);
  }

  /** Seeds a user (fixture or test set-up): no scopes, ids and dates may be pinned. */
  addUser(applicationId: string, seed: FixtureUser): ExperienceUser {
    const app = this.application(applicationId);
    const user = this.#newUser(app, seed);
    app.insert(user);
    return toExperienceUser(user, app.groups);
  }

  async createUser(applicationId: string, body: ExperienceUserPost): Promise<ExperienceUser> {
    const app = this.application(applicationId);
    const user = this.#newUser(app, body);
    app.insert(user);
    await user.passwordHash;
    return toExperienceUser(user, app.groups);
  }

  /** A get's answer: the user, its JSON text read from the per-record cache (see userJson). */
  renderedUser(applicationId: string, userId: string): RenderedJson<ExperienceUser> {
    const app = this.application(applicationId);
    const user = this.#user(app, userId);
    return new RenderedJson(userJson(user, app.groups), () => toExperienceUser(user, app.groups));
  }

  async updateUser(
    applicationId: string,
    userId: string,
    patch: ExperienceUserPatch,
  ): Promise<ExperienceUser> {
    const app = this.application(applicationId);
    const previous = this.#user(app, userId);
    if (patch.email !== undefined) this.#checkEmailFree(app, patch.email, previous.id);
    const now = this.#now().getTime();
    const next = storedUser({
      ...previous,
      ...(patch.email === undefined ? {} : { email: patch.email }),
      ...(patch.firstName === undefined ? {} : { firstName: patch.firstName }),
      ...(patch.lastName === undefined ? {} : { lastName: patch.lastName }),
      ...(patch.tokenCutoff === undefined
        ? {}
        : { tokenCutoff: normalizeDateTime(patch.tokenCutoff) }),
      ...(patch.userTags === undefined ? {} : { userTags: tagMap(patch.userTags) }),
      ...(patch.experienceGroupIds === undefined
        ? {}
        : { groupIds: this.#groupIds(app, patch.experienceGroupIds) }),
      ...(patch.password === undefined
        ? {}
        : { passwordHash: pendingHash(patch.password), passwordLastUpdated: now }),
      lastUpdated: now,
    });
    app.replace(previous, next);
    await next.passwordHash;
    return toExperienceUser(next, app.groups);
  }

  deleteUser(applicationId: string, userId: string): void {
    const app = this.application(applicationId);
    app.remove(this.#user(app, userId));
  }

  clear(): void {
    this.#apps.clear();
  }

  applications(): FakeApplicationInfo[] {
    return [...this.#apps.values()].map(({ id, name }) => ({ id, name }));
  }

  groups(applicationId: string): FakeGroupInfo[] {
    const app = this.application(applicationId);
    const users = [...app.users.values()];
    return [...app.groups.values()].map((group) => ({
      ...toGroupSummary(group),
      memberIds: users.filter((u) => u.groupIds.includes(group.id)).map((u) => u.id),
    }));
  }

  users(applicationId: string): ExperienceUser[] {
    const app = this.application(applicationId);
    return [...app.users.values()].map((user) => toExperienceUser(user, app.groups));
  }

  user(applicationId: string, userId: string): ExperienceUser | undefined {
    const app = this.application(applicationId);
    const user = app.users.get(userId.toLowerCase());
    return user === undefined ? undefined : toExperienceUser(user, app.groups);
  }

  async verifyPassword(applicationId: string, userId: string, password: string): Promise<boolean> {
    const hash = this.application(applicationId).users.get(userId.toLowerCase())?.passwordHash;
    return hash === undefined ? false : verifyPassword(password, await hash);
  }

  #user(app: ApplicationState, userId: string): StoredUser {
    const user = app.users.get(userId.toLowerCase());
    if (user === undefined) throw problems.userNotFound();
    return user;
  }

  #checkEmailFree(app: ApplicationState, email: string, self?: string): void {
    const owner = app.userIdByEmail(email);
    if (owner !== undefined && owner !== self) {
      throw problems.invalid(
        "An experience user with this email already exists in the application",
      );
    }
  }

  #groupIds(app: ApplicationState, ids: readonly string[]): string[] {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    const unknown = unique.filter((id) => !app.groups.has(id));
    if (unknown.length > 0) {
      throw problems.invalid(
        `experienceGroupIds: no experience group ${unknown.join(", ")} in the application`,
      );
    }
    return unique;
  }

  #newUser(app: ApplicationState, seed: FixtureUser): StoredUser {
    this.#checkEmailFree(app, seed.email);
    const groupIds = this.#groupIds(app, seed.experienceGroupIds ?? []);
    const id = checkedId(seed.id, "user") ?? this.#freshId((x) => app.users.has(x));
    if (app.users.has(id)) {
      throw problems.invalid(`An experience user with id ${id} already exists`);
    }
    const creationDate = seedTime(seed.creationDate, "creationDate") ?? this.#now().getTime();
    const passwordLastUpdated =
      seedTime(seed.passwordLastUpdated, "passwordLastUpdated") ??
      (seed.password === undefined ? undefined : creationDate);
    return storedUser({
      id,
      applicationId: app.id,
      email: seed.email,
      firstName: seed.firstName,
      lastName: seed.lastName,
      avatarUrl: seed.avatarUrl,
      tokenCutoff: seed.tokenCutoff === undefined ? undefined : normalizeDateTime(seed.tokenCutoff),
      creationDate,
      lastUpdated: seedTime(seed.lastUpdated, "lastUpdated") ?? creationDate,
      passwordLastUpdated,
      lastLogin: seedTime(seed.lastLogin, "lastLogin"),
      userTags: tagMap(seed.userTags),
      groupIds,
      passwordHash: pendingHash(seed.password),
    });
  }

  #freshId(taken: (id: string) => boolean): string {
    let id = this.#newId();
    while (taken(id)) id = this.#newId();
    return id;
  }
}
