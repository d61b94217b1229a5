import { describe, expect, it } from "vitest";
import { apiError, useFakes } from "./support/fake-harness.js";

const newFake = useFakes();
let now = Date.parse("2024-05-01T10:00:00.000Z");
const newClockedFake = useFakes({ now: () => new Date(now) });
const GROUP = "5d0000000000000000000001";

describe("a user's life in the fake", () => {
  it("is created, read, listed, updated, deleted, and gone", async () => {
    const { client, applicationId, fake } = newFake();
    fake.addGroup(applicationId, { id: GROUP, name: "Customers" });
    const { users } = client;

    const created = await users.create(
      { applicationId },
      {
        email: "experienceuser@example.com",
        firstName: "Example",
        lastName: "Name",
        password: "aUserPassword",
        userTags: { customKey: "customValue" },
        experienceGroupIds: [GROUP],
      },
    );
    expect(created).toMatchObject({
      applicationId,
      email: "experienceuser@example.com",
      userTags: { customKey: "customValue" },
      experienceGroups: [{ id: GROUP, name: "Customers", parentId: null }],
    });
    expect(created.experienceUserId).toBe(created.id);
    expect(JSON.stringify(created)).not.toContain("aUserPassword");
    const experienceUserId = created.id as string;

    expect(await users.get({ applicationId, experienceUserId })).toEqual(created);
    const listed = await users.list({ applicationId });
    expect(listed).toMatchObject({ count: 1, totalCount: 1, items: [created] });

    const updated = await users.update(
      { applicationId, experienceUserId },
      {
        password: "aNewPassword",
        userTags: { customKey: "newCustomValue" },
        experienceGroupIds: [],
      },
    );
    expect(updated).toMatchObject({
      userTags: { customKey: "newCustomValue" },
      experienceGroups: [],
    });
    expect(updated.firstName).toBe("Example");
    expect(await fake.store.verifyPassword(applicationId, experienceUserId, "aNewPassword")).toBe(
      true,
    );
    expect(await users.get({ applicationId, experienceUserId })).toEqual(updated);

    expect(await users.delete({ applicationId, experienceUserId })).toEqual({ success: true });
    const gone = await apiError(users.get({ applicationId, experienceUserId }));
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ type: "NotFound", message: "Experience user was not found" });
    expect((await users.list({ applicationId })).totalCount).toBe(0);
    expect(fake.store.groups(applicationId)[0]?.memberIds).toEqual([]);
  });

  it("moves lastUpdated and passwordLastUpdated on update, and keeps creationDate", async () => {
    const { client, applicationId } = newClockedFake();
    const user = await client.users.create(
      { applicationId },
      { email: "a@b.co", password: "password-1" },
    );
    expect(user).toMatchObject({
      creationDate: "2024-05-01T10:00:00.000Z",
      lastUpdated: "2024-05-01T10:00:00.000Z",
      passwordLastUpdated: "2024-05-01T10:00:00.000Z",
    });
    const experienceUserId = user.id as string;
    now += 60_000;
    const renamed = await client.users.update(
      { applicationId, experienceUserId },
      { firstName: "Ann" },
    );
    expect(renamed).toMatchObject({
      creationDate: "2024-05-01T10:00:00.000Z",
      lastUpdated: "2024-05-01T10:01:00.000Z",
      passwordLastUpdated: "2024-05-01T10:00:00.000Z",
    });
    now += 60_000;
    const rekeyed = await client.users.update(
      { applicationId, experienceUserId },
      { password: "password-2", tokenCutoff: "2024-05-01T12:00:00+02:00" },
    );
    expect(rekeyed).toMatchObject({
      lastUpdated: "2024-05-01T10:02:00.000Z",
      passwordLastUpdated: "2024-05-01T10:02:00.000Z",
      tokenCutoff: "2024-05-01T10:00:00.000Z",
    });
  });

  it("refuses a second user with the same email in any case, and changes nothing", async () => {
    const { client, applicationId } = newFake();
    await client.users.create(
      { applicationId },
      { email: "ann@example.com", password: "password-1" },
    );
    const error = await apiError(
      client.users.create({ applicationId }, { email: "ANN@Example.com", password: "password-2" }),
    );
    expect(error.status).toBe(400);
    expect(error.body?.type).toBe("Validation");
    expect((await client.users.list({ applicationId })).totalCount).toBe(1);
  });

  it("iterates every user with listAll", async () => {
    const { client, applicationId, fake } = newFake();
    for (let i = 0; i < 25; i++)
      fake.addUser(applicationId, { email: `u${String(i).padStart(2, "0")}@x.co` });
    const emails: string[] = [];
    for await (const user of client.users.listAll({ applicationId, perPage: 10 }))
      emails.push(user.email as string);
    expect(emails).toHaveLength(25);
    expect(emails).toEqual([...emails].sort());
  });
});
