import type { FakeFixture } from "@experience-users/fake-server";

/** The application of Losant's examples, which the guide's curl examples name. */
export const GUIDE_APPLICATION_ID = "575ec8687ae143cd83dc4a97";

const GROUP_1 = "6250a1f0c3b2d4e5f6a7b901";
const GROUP_2 = "6250a1f0c3b2d4e5f6a7b902";

/**
 * Five users whose names, dates, tags and groups tell the Advanced Query Guide's examples apart.
 * A user is named by `firstName lastName` in the expectations.
 */
export const guideFixture: FakeFixture = {
  applications: [
    {
      id: GUIDE_APPLICATION_ID,
      groups: [
        { id: GROUP_1, name: "Operators" },
        { id: GROUP_2, name: "Night shift", parentId: GROUP_1 },
      ],
      users: [
        {
          id: "6250a1f0c3b2d4e5f6a7b801",
          email: "bob.smith@example.com",
          firstName: "Bob",
          lastName: "Smith",
          creationDate: "2021-03-01T09:00:00.000Z",
          lastUpdated: "2022-01-30T17:18:11.911Z",
          lastLogin: "2022-01-29T08:00:00.000Z",
          userTags: { plan: "pro", region: "us-east" },
          experienceGroupIds: [GROUP_1],
        },
        {
          id: "6250a1f0c3b2d4e5f6a7b802",
          email: "bob.baker@example.com",
          firstName: "Bob",
          lastName: "Baker",
          creationDate: "2022-02-10T12:00:00.000Z",
          lastUpdated: "2022-03-01T00:00:00.000Z",
          userTags: { plan: "free" },
        },
        {
          id: "6250a1f0c3b2d4e5f6a7b803",
          email: "ada@example.com",
          firstName: "Ada",
          lastName: "Lovelace",
          creationDate: "2020-06-15T10:00:00.000Z",
          lastUpdated: "2021-01-01T00:00:00.000Z",
          lastLogin: "2021-12-24T18:30:00.000Z",
          userTags: { plan: "team", region: "eu-west" },
          experienceGroupIds: [GROUP_1, GROUP_2],
        },
        {
          id: "6250a1f0c3b2d4e5f6a7b804",
          email: "grace@navy.example.org",
          firstName: "Grace",
          lastName: "Hopper",
          creationDate: "2022-05-01T00:00:00.000Z",
          lastUpdated: "2022-05-01T00:00:00.000Z",
          experienceGroupIds: [GROUP_2],
        },
        {
          id: "6250a1f0c3b2d4e5f6a7b805",
          email: "alan@example.com",
          firstName: "alan",
          lastName: "Turing",
          creationDate: "2023-01-01T00:00:00.000Z",
          lastUpdated: "2023-01-01T00:00:00.000Z",
          lastLogin: "2023-01-02T00:00:00.000Z",
          userTags: { region: "eu-west" },
        },
      ],
    },
  ],
};
