import { operationIds, operations } from "@experience-users/spec";
import { describe, expect, it } from "vitest";

const routes = [
  {
    operationId: "listExperienceUsers",
    method: "get",
    path: "/applications/{applicationId}/experience/users",
    successStatus: 200,
  },
  {
    operationId: "createExperienceUser",
    method: "post",
    path: "/applications/{applicationId}/experience/users",
    successStatus: 201,
  },
  {
    operationId: "getExperienceUser",
    method: "get",
    path: "/applications/{applicationId}/experience/users/{experienceUserId}",
    successStatus: 200,
  },
  {
    operationId: "updateExperienceUser",
    method: "patch",
    path: "/applications/{applicationId}/experience/users/{experienceUserId}",
    successStatus: 200,
  },
  {
    operationId: "deleteExperienceUser",
    method: "delete",
    path: "/applications/{applicationId}/experience/users/{experienceUserId}",
    successStatus: 200,
  },
] as const;

describe("operations table", () => {
  it.each(routes)("$operationId is $method $path answering $successStatus", (route) => {
    expect(operations[route.operationId]).toMatchObject(route);
  });

  it.each(routes)("$operationId documents 400, 401, 403 and 404 besides its success", (route) => {
    expect([...operations[route.operationId].statuses].sort()).toEqual(
      [route.successStatus, 400, 401, 403, 404].sort(),
    );
  });

  it.each(routes)("$operationId takes the optional losantdomain header", (route) => {
    expect(operations[route.operationId].parameters).toContainEqual({
      name: "losantdomain",
      in: "header",
      required: false,
      encoding: "string",
    });
  });

  it("lists the list operation's query parameters with the web reference's defaults", () => {
    const query = operations.listExperienceUsers.parameters.filter((p) => p.in === "query");
    expect(query).toEqual([
      { name: "sortField", in: "query", required: false, encoding: "string", default: "email" },
      { name: "sortDirection", in: "query", required: false, encoding: "string", default: "asc" },
      { name: "page", in: "query", required: false, encoding: "integer", default: 0 },
      { name: "perPage", in: "query", required: false, encoding: "integer", default: 100 },
      { name: "filterField", in: "query", required: false, encoding: "string" },
      { name: "filter", in: "query", required: false, encoding: "string" },
      { name: "experienceGroupId", in: "query", required: false, encoding: "string" },
      { name: "includeAncestorGroups", in: "query", required: false, encoding: "string" },
      { name: "query", in: "query", required: false, encoding: "json" },
    ]);
  });

  it("names request bodies by their component schema", () => {
    expect(operations.createExperienceUser.requestBody).toEqual({
      required: true,
      schema: "ExperienceUserPost",
    });
    expect(operations.updateExperienceUser.requestBody).toEqual({
      required: true,
      schema: "ExperienceUserPatch",
    });
    expect(operations.listExperienceUsers.requestBody).toBeNull();
  });

  it("keeps document order in operationIds", () => {
    expect(operationIds).toEqual(Object.keys(operations));
  });

  it("matches the file snapshot of the generated table", async () => {
    await expect(JSON.stringify(operations, null, 2)).toMatchFileSnapshot(
      "__snapshots__/operations.json",
    );
  });
});
