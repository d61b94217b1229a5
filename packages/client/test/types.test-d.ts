import {
  type ApiError,
  createClient,
  type ExperienceUser,
  type ExperienceUsersClient,
  type RetryEvent,
} from "@experience-users/client";
import type { OperationRequest, SuccessBody } from "@experience-users/spec";
import { describe, expectTypeOf, it } from "vitest";

const client = createClient({ token: "t" });
const applicationId = "575ec8687ae143cd83dc4a97";
const experienceUserId = "575ed78e7ae143cd83dc4aab";
const email = "a@example.com";
const password = "aUserPassword";
type Users = ExperienceUsersClient["users"];
type Resolved<M extends keyof Users> = Awaited<ReturnType<Users[M]>>;

describe("typed methods", () => {
  it("resolve to the spec's success body of their operation", () => {
    expectTypeOf<Resolved<"list">>().toEqualTypeOf<SuccessBody<"listExperienceUsers">>();
    expectTypeOf<Resolved<"create">>().toEqualTypeOf<SuccessBody<"createExperienceUser">>();
    expectTypeOf<Resolved<"get">>().toEqualTypeOf<SuccessBody<"getExperienceUser">>();
    expectTypeOf<Resolved<"update">>().toEqualTypeOf<SuccessBody<"updateExperienceUser">>();
    expectTypeOf<Resolved<"delete">>().toEqualTypeOf<SuccessBody<"deleteExperienceUser">>();
    expectTypeOf(client.users.listAll({ applicationId })).toEqualTypeOf<
      AsyncIterableIterator<SuccessBody<"listExperienceUsers">["items"][number]>
    >();
  });

  it("take the spec's parameters and bodies of their operation", () => {
    expectTypeOf<Parameters<Users["get"]>[0]>().toEqualTypeOf<
      OperationRequest<"getExperienceUser">["path"]
    >();
    expectTypeOf<Parameters<Users["delete"]>[0]>().toEqualTypeOf<
      OperationRequest<"deleteExperienceUser">["path"]
    >();
    expectTypeOf<Parameters<Users["create"]>[1]>().toEqualTypeOf<
      OperationRequest<"createExperienceUser">["body"]
    >();
    expectTypeOf<Parameters<Users["update"]>[1]>().toEqualTypeOf<
      OperationRequest<"updateExperienceUser">["body"]
    >();
    expectTypeOf<Parameters<Users["list"]>[0]>().toEqualTypeOf<
      OperationRequest<"listExperienceUsers">["path"] &
        NonNullable<OperationRequest<"listExperienceUsers">["query"]>
    >();
  });

  it("say which fields the API always sets: they need no `!`", () => {
    expectTypeOf<Resolved<"get">["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Resolved<"get">["experienceUserId"]>().toEqualTypeOf<string>();
    expectTypeOf<Resolved<"get">["applicationId"]>().toEqualTypeOf<string>();
    expectTypeOf<Resolved<"get">["email"]>().toEqualTypeOf<string>();
    expectTypeOf<Resolved<"get">["creationDate"]>().toEqualTypeOf<string>();
    expectTypeOf<Resolved<"get">["lastUpdated"]>().toEqualTypeOf<string>();
    expectTypeOf<Resolved<"get">["firstName"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Resolved<"list">["items"]>().toEqualTypeOf<ExperienceUser[]>();
    expectTypeOf<Resolved<"list">["totalCount"]>().toEqualTypeOf<number>();
    expectTypeOf<Resolved<"list">["perPage"]>().toEqualTypeOf<number>();
    expectTypeOf<Resolved<"delete">["success"]>().toEqualTypeOf<true>();
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

  it("type errors with status and Error body, and hooks' events", () => {
    expectTypeOf<ApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<ApiError["body"]>().toEqualTypeOf<{ type: string; message: string } | undefined>();
    expectTypeOf<RetryEvent["status"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RetryEvent["operation"]>().toEqualTypeOf<
      | "listExperienceUsers"
      | "createExperienceUser"
      | "getExperienceUser"
      | "updateExperienceUser"
      | "deleteExperienceUser"
    >();
  });
});
