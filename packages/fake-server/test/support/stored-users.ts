import type { FixtureUser } from "../../src/fixture/fixture.js";
import { FakeStore, type GroupInput } from "../../src/store/fake-store.js";
import type { StoredUser } from "../../src/store/stored-user.js";

export const APP = "5a0000000000000000000001";

/** A store with one application, these groups and users; its stored records by email. */
export function storedUsers(users: FixtureUser[], groups: GroupInput[] = []) {
  const store = new FakeStore(() => new Date("2024-01-01T00:00:00.000Z"));
  store.addApplication({ id: APP });
  for (const group of groups) store.addGroup(APP, group);
  for (const user of users) store.addUser(APP, user);
  const app = store.application(APP);
  const records = [...app.users.values()];
  const byEmail = (email: string): StoredUser => {
    const user = records.find((u) => u.email === email);
    if (user === undefined) throw new Error(`no user ${email}`);
    return user;
  };
  return { store, app, records, byEmail };
}
