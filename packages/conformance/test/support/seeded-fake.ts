import {
  createFakeServer,
  EXAMPLE_APPLICATION_ID,
  type FakeServer,
} from "@experience-users/fake-server";

/** The application every test runs against. */
export const APPLICATION_ID = EXAMPLE_APPLICATION_ID;

/** A fake whose application already has a user and a group the run did not make. */
export function seededFake(): FakeServer {
  const fake = createFakeServer({ validateResponses: true });
  const group = fake.addGroup(APPLICATION_ID, { name: "Existing group" });
  fake.addUser(APPLICATION_ID, {
    email: "existing.user@acme.example",
    password: "existing-password",
    firstName: "Existing",
    lastName: "User",
    userTags: { team: "blue" },
    experienceGroupIds: [group.id as string],
  });
  return fake;
}

/** Everything the fake's store holds for the application, as JSON text to compare. */
export function storeSnapshot(fake: FakeServer): string {
  return JSON.stringify({
    users: fake.store.users(APPLICATION_ID),
    groups: fake.store.groups(APPLICATION_ID),
  });
}
