import {
  type AdvancedExperienceUserQuery,
  isJsonObject,
  type JsonValue,
  operations,
} from "@experience-users/spec";
import { echoes, inNoGroup, isTheCreatedUser, lists, notEarlier, sameInstant } from "./checks.js";
import type { ScenarioContext, StepDefinition, StepRequest, StepSkip } from "./step.js";

const NO_USER: StepSkip = { skip: "the run created no user to act on" };

function forUser(
  build: (id: string, context: ScenarioContext) => Omit<StepRequest, "path">,
): (context: ScenarioContext) => StepRequest | StepSkip {
  return (context) => {
    const id = context.createdUserId;
    return id === undefined ? NO_USER : { ...build(id, context), path: { experienceUserId: id } };
  };
}

const tags = (context: ScenarioContext, step: string) => ({
  conformanceRun: context.identity.runId,
  conformanceStep: step,
});

const created = (context: ScenarioContext) => ({
  email: context.identity.email,
  password: context.identity.password,
  firstName: context.identity.firstName,
  lastName: "Runner",
  userTags: tags(context, "created"),
});

const patchedNames = (context: ScenarioContext) => ({
  firstName: context.identity.firstName,
  lastName: "Patched",
});

/** The run's start, as the `tokenCutoff` the user is patched to. */
const tokenCutoff = (context: ScenarioContext) => context.identity.startedAt;

const status = (operationId: keyof typeof operations) => operations[operationId].successStatus;

function patchStep(
  kind: string,
  body: (context: ScenarioContext) => Readonly<Record<string, JsonValue>>,
  extra: Partial<StepDefinition> = {},
): StepDefinition {
  return {
    name: `patch: ${kind}`,
    operationId: "updateExperienceUser",
    request: forUser((_id, context) => ({ body: body(context) })),
    expectStatus: status("updateExperienceUser"),
    checks: [isTheCreatedUser],
    ...extra,
  };
}

/** A list with query parameters that must find the run's user, or miss it. */
function filterStep(
  what: string,
  mode: "find" | "miss",
  query: (context: ScenarioContext, id: string) => Readonly<Record<string, JsonValue>>,
): StepDefinition {
  return {
    name: `list: ${what}`,
    operationId: "listExperienceUsers",
    request: (context) =>
      context.createdUserId === undefined
        ? NO_USER
        : { query: query(context, context.createdUserId) },
    expectStatus: status("listExperienceUsers"),
    checks: [lists(mode)],
  };
}

/** A list with an advanced query (typed by the spec's types) that must find or miss the user. */
function queryStep(
  what: string,
  mode: "find" | "miss",
  query: (id: string, context: ScenarioContext) => AdvancedExperienceUserQuery,
): StepDefinition {
  return filterStep(`query ${what}`, mode, (context, id) => ({
    query: query(id, context) as JsonValue,
  }));
}

/** A glob that matches the created user's email and no other: its unique prefix and `*`. */
const emailGlob = (context: ScenarioContext) => `conformance+${context.identity.runId}*`;

/** Steps that create, patch and delete the run's own user, and read it in between. */
export function writeSteps(): StepDefinition[] {
  return [
    {
      name: "create: test user",
      operationId: "createExperienceUser",
      request: (context) => ({ body: created(context) }),
      expectStatus: status("createExperienceUser"),
      checks: [
        echoes((context) => {
          const { password: _password, ...shown } = created(context);
          return { ...shown, applicationId: context.applicationId };
        }),
      ],
      learn: (body, context) => {
        const object = isJsonObject(body) ? body : {};
        if (typeof object.passwordLastUpdated === "string") {
          context.passwordLastUpdated = object.passwordLastUpdated;
        }
      },
    },
    {
      name: "get: created user",
      operationId: "getExperienceUser",
      request: forUser(() => ({})),
      expectStatus: status("getExperienceUser"),
      checks: [isTheCreatedUser, echoes((context) => ({ email: context.identity.email }))],
    },
    {
      name: "error: create with a bad body",
      operationId: "createExperienceUser",
      request: (context) => ({ body: { email: context.identity.refusedEmail, password: "short" } }),
      expectStatus: 400,
    },
    {
      name: "error: create with the same email",
      operationId: "createExperienceUser",
      request: (context) => ({ body: created(context) }),
      expectStatus: 400,
      statusIsStateful: true,
    },
    patchStep("names", patchedNames, {
      checks: [isTheCreatedUser, echoes(patchedNames)],
    }),
    patchStep("email", (context) => ({ email: context.identity.patchedEmail }), {
      checks: [isTheCreatedUser, echoes((context) => ({ email: context.identity.patchedEmail }))],
      learn: (_body, context) => {
        context.currentEmail = context.identity.patchedEmail;
      },
    }),
    patchStep("password", (context) => ({ password: context.identity.newPassword }), {
      checks: [isTheCreatedUser, notEarlier("passwordLastUpdated", (c) => c.passwordLastUpdated)],
    }),
    patchStep("userTags", (context) => ({ userTags: tags(context, "patched") }), {
      checks: [isTheCreatedUser, echoes((context) => ({ userTags: tags(context, "patched") }))],
    }),
    patchStep("tokenCutoff", (context) => ({ tokenCutoff: tokenCutoff(context) }), {
      checks: [isTheCreatedUser, sameInstant("tokenCutoff", tokenCutoff)],
    }),
    patchStep("experienceGroupIds", () => ({ experienceGroupIds: [] }), {
      checks: [isTheCreatedUser, inNoGroup],
    }),
    {
      name: "error: patch with a bad body",
      operationId: "updateExperienceUser",
      request: forUser(() => ({ body: { notAField: true } })),
      expectStatus: 400,
    },
    {
      name: "get: patched user",
      operationId: "getExperienceUser",
      request: forUser(() => ({})),
      expectStatus: status("getExperienceUser"),
      checks: [
        isTheCreatedUser,
        echoes((context) => ({
          ...patchedNames(context),
          email: context.identity.patchedEmail,
          userTags: tags(context, "patched"),
        })),
        sameInstant("tokenCutoff", tokenCutoff),
      ],
    },
    filterStep("glob filter (*) finds it", "find", (context) => ({
      filterField: "email",
      filter: emailGlob(context),
    })),
    filterStep("glob filter (?) finds it", "find", (context) => ({
      filterField: "email",
      filter: context.currentEmail.replace("@", "?"),
    })),
    filterStep("glob filter misses it", "miss", (context) => ({
      filterField: "email",
      filter: `conformance+${context.identity.runId}-nobody*`,
    })),
    filterStep("group filter none finds it", "find", (context) => ({
      experienceGroupId: "none",
      filterField: "email",
      filter: context.currentEmail,
    })),
    filterStep("group filter any misses it", "miss", (context) => ({
      experienceGroupId: "any",
      filterField: "email",
      filter: context.currentEmail,
    })),
    queryStep("finds it (email $eq $ci)", "find", (_id, context) => ({
      email: { $eq: context.currentEmail.toUpperCase(), $ci: true },
    })),
    queryStep("finds it (id $and userTags)", "find", (id, context) => ({
      $and: [{ id }, { userTags: { conformanceRun: context.identity.runId } }],
    })),
    queryStep("finds it ($or $startsWith)", "find", (_id, context) => ({
      $or: [
        { id: context.identity.unknownUserId },
        { email: { $startsWith: `conformance+${context.identity.runId}` } },
      ],
    })),
    queryStep("misses it ($nor firstName)", "miss", (id, context) => ({
      id,
      $nor: [{ firstName: context.identity.firstName }],
    })),
    queryStep("misses it (other tag value)", "miss", (id, context) => ({
      id,
      userTags: { $tagKey: "conformanceRun", $tagValue: `not-${context.identity.runId}` },
    })),
    {
      name: "delete: test user",
      operationId: "deleteExperienceUser",
      request: forUser(() => ({})),
      expectStatus: status("deleteExperienceUser"),
    },
    {
      name: "error: get after delete",
      operationId: "getExperienceUser",
      request: forUser(() => ({})),
      expectStatus: 404,
      statusIsStateful: true,
    },
    {
      name: "error: delete after delete",
      operationId: "deleteExperienceUser",
      request: forUser(() => ({})),
      expectStatus: 404,
      statusIsStateful: true,
    },
    filterStep("after delete misses it", "miss", (context) => ({
      filterField: "email",
      filter: emailGlob(context),
    })),
  ];
}
