import { describe, expect, it } from "vitest";
import { matchOperation } from "../src/guard/match-operation.js";

const APP = "575ec8687ae143cd83dc4a97";
const USER = "575ed78e7ae143cd83dc4aab";
const USERS = `/applications/${APP}/experience/users`;

describe("matchOperation: the operation a request calls, as Prism routes it", () => {
  it.each([
    { description: "a list", method: "GET", path: USERS, operationId: "listExperienceUsers" },
    { description: "a create", method: "POST", path: USERS, operationId: "createExperienceUser" },
    {
      description: "a patch of one user",
      method: "PATCH",
      path: `${USERS}/${USER}`,
      operationId: "updateExperienceUser",
    },
  ])("finds $description", ({ method, path, operationId }) => {
    expect(matchOperation(method, path)?.operationId).toBe(operationId);
  });

  it("hands back the path parameters, percent-decoded", () => {
    expect(matchOperation("GET", `/applications/a%20b/experience/users/${USER}`)).toMatchObject({
      operationId: "getExperienceUser",
      path: { applicationId: "a b", experienceUserId: USER },
    });
  });

  it.each([
    { description: "a method the path does not have", method: "PUT", path: USERS },
    { description: "an empty parameter segment", method: "GET", path: `${USERS}/` },
    { description: "one segment too many", method: "GET", path: `${USERS}/${USER}/more` },
    { description: "another literal segment", method: "GET", path: `/applications/${APP}/users` },
  ])("finds nothing for $description", ({ method, path }) => {
    expect(matchOperation(method, path)).toBeUndefined();
  });
});
