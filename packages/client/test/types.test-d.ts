import {
  type ApiError,
  createClient,
  type ExperienceUser,
  type ExperienceUsers,
  type Success,
} from "@experience-users/client";
import { describe, expectTypeOf, it } from "vitest";

const client = createClient({ token: "t" });
const applicationId = "575ec8687ae143cd83dc4a97";
const experienceUserId = "575ed78e7ae143cd83dc4aab";
const email = "a@example.com";
const password = "aUserPassword";

describe("typed methods", () => {
  it("resolve to the spec's response types", () => {
    expectTypeOf(client.users.list({ applicationId })).resolves.toEqualTypeOf<ExperienceUsers>();
    expectTypeOf(
      client.users.get({ applicationId, experienceUserId }),
    ).resolves.toEqualTypeOf<ExperienceUser>();
    expectTypeOf(
      client.users.delete({ applicationId, experienceUserId }),
    ).resolves.toEqualTypeOf<Success>();
    expectTypeOf(client.users.listAll({ applicationId })).toMatchTypeOf<
      AsyncIterable<ExperienceUser>
    >();
  });

  it("type the advanced query as an object, not a string", () => {
    client.users.list({
      applicationId,
      query: { $or: [{ firstName: "Bob" }, { email: { $ci: true, $endsWith: "@x.com" } }] },
    });
    // @ts-expect-error the query is an object, not a JSON string
    client.users.list({ applicationId, query: '{"firstName":"Bob"}' });
    // @ts-expect-error $regex is not an operator of the advanced query
    client.users.list({ applicationId, query: { firstName: { $regex: "^B" } } });
  });

  it("reject misspelled fields and missing required parameters", () => {
    // @ts-expect-error applicationId is required
    client.users.list({});
    // @ts-expect-error sortField is an enum
    client.users.list({ applicationId, sortField: "password" });
    // @ts-expect-error perPage is a number
    client.users.list({ applicationId, perPage: "10" });
    // @ts-expect-error password is required on create
    client.users.create({ applicationId }, { email });
    // @ts-expect-error misspelled field
    client.users.create({ applicationId }, { email, password, frstName: "Bob" });
    // @ts-expect-error experienceUserId is required
    client.users.get({ applicationId });
    // @ts-expect-error id is read-only and not part of a patch
    client.users.update({ applicationId, experienceUserId }, { id: experienceUserId });
  });

  it("never expose a password on a user", () => {
    expectTypeOf<ExperienceUser>().not.toHaveProperty("password");
  });

  it("type errors with status and Error body", () => {
    expectTypeOf<ApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<ApiError["body"]>().toEqualTypeOf<{ type: string; message: string } | undefined>();
  });
});
