import { operations } from "@experience-users/spec";
import { countIsItemsLength, isTheCreatedUser } from "./checks.js";
import { listParameterSteps } from "./list-parameter-steps.js";
import type { Check, StepDefinition } from "./step.js";

const ok = (operationId: "listExperienceUsers" | "getExperienceUser") =>
  operations[operationId].successStatus;

/** The id of a listed user as the get answer must echo it. */
const isTheListedUser: Check = {
  stateful: true,
  run: (body, context) =>
    isTheCreatedUser.run(body, { ...context, createdUserId: context.firstListedUserId }),
};

/** Steps that only read: lists, gets and the errors a read can get. They run with `readOnly`. */
export function readSteps(): StepDefinition[] {
  return [
    {
      name: "list: no parameters",
      operationId: "listExperienceUsers",
      request: () => ({}),
      expectStatus: ok("listExperienceUsers"),
      checks: [countIsItemsLength],
      learn: (body, context) => {
        const items =
          typeof body === "object" && body !== null && "items" in body ? body.items : [];
        const first = Array.isArray(items) ? items[0] : undefined;
        const id = typeof first === "object" && first !== null && "id" in first ? first.id : null;
        if (typeof id === "string") context.firstListedUserId = id;
      },
    },
    ...listParameterSteps(),
    {
      name: "error: list with an unknown sortField",
      operationId: "listExperienceUsers",
      request: () => ({ query: { sortField: "password" } }),
      expectStatus: 400,
    },
    {
      name: "error: list without a token",
      operationId: "listExperienceUsers",
      request: () => ({ authorize: false }),
      expectStatus: 401,
    },
    {
      name: "get: first listed user",
      operationId: "getExperienceUser",
      request: (context) =>
        context.firstListedUserId === undefined
          ? { skip: "the application lists no user" }
          : { path: { experienceUserId: context.firstListedUserId } },
      expectStatus: ok("getExperienceUser"),
      checks: [isTheListedUser],
    },
    {
      name: "error: get with a malformed id",
      operationId: "getExperienceUser",
      request: () => ({ path: { experienceUserId: "not-an-id" } }),
      expectStatus: 400,
    },
    {
      name: "error: get an unknown user",
      operationId: "getExperienceUser",
      request: (context) => ({ path: { experienceUserId: context.identity.unknownUserId } }),
      expectStatus: 404,
      statusIsStateful: true,
    },
  ];
}
