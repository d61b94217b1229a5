import {
  document,
  HTTP_METHODS,
  type JsonValue,
  resolveRef,
  valueAt,
} from "@experience-users/spec";
import {
  requestValidators,
  responseValidators,
  schemaValidators,
} from "@experience-users/validators";
import { describe, expect, it } from "vitest";

type Json = Record<string, unknown>;
const schemas = (document.components.schemas ?? {}) as Record<string, Json>;

const schemaExamples = Object.entries(schemas).flatMap(([name, schema]) =>
  ((schema.examples as unknown[] | undefined) ?? []).map((value, i) => ({
    description: `${name} schema example #${i + 1}`,
    name: name as keyof typeof schemaValidators,
    value,
  })),
);

function refName(value: unknown): string | undefined {
  const ref = (value as { $ref?: string } | undefined)?.$ref;
  return ref?.split("/").pop();
}

const resolve = <T>(value: unknown): T => resolveRef(document, value as JsonValue) as T;

type MediaType = { schema?: unknown; examples?: Record<string, unknown> };
type Operation = {
  operationId: string;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, unknown>;
};

const operations = Object.values(document.paths).flatMap((item) =>
  HTTP_METHODS.flatMap((method) => {
    const operation = valueAt(item, method);
    return operation === undefined ? [] : [operation as unknown as Operation];
  }),
);

const mediaExamples = operations.flatMap((op) => {
  const cases: { description: string; check: () => boolean }[] = [];
  const body = op.requestBody?.content["application/json"];
  for (const [key, example] of Object.entries(body?.examples ?? {})) {
    const { value } = resolve<{ value: unknown }>(example);
    const schema = refName(body?.schema) as keyof typeof schemaValidators;
    cases.push({
      description: `${op.operationId} request body example "${key}"`,
      check: () => schemaValidators[schema].is(value),
    });
  }
  for (const [status, raw] of Object.entries(op.responses)) {
    const response = resolve<{ content?: Record<string, MediaType> }>(raw);
    for (const [key, example] of Object.entries(
      response.content?.["application/json"]?.examples ?? {},
    )) {
      const { value } = resolve<{ value: unknown }>(example);
      const byStatus = responseValidators[
        op.operationId as keyof typeof responseValidators
      ] as Record<string, { is: (v: unknown) => boolean }>;
      cases.push({
        description: `${op.operationId} ${status} example "${key}"`,
        check: () => byStatus[status]?.is(value) === true,
      });
    }
  }
  return cases;
});

const APP = "575ec8687ae143cd83dc4a97";
const USER = "575ed78e7ae143cd83dc4aab";

// Examples printed in the seeds (the Losant reference pages and the Python client docs).
const seedExamples = [
  {
    description: "Post body example of the web reference",
    validator: schemaValidators.ExperienceUserPost,
    value: {
      email: "experienceuser@example.com",
      firstName: "Example",
      lastName: "Name",
      password: "aUserPassword",
      userTags: { customKey: "customValue" },
    },
  },
  {
    description: "Post body example of the older markdown reference",
    validator: schemaValidators.ExperienceUserPost,
    value: {
      email: "example@experienceuser.com",
      firstName: "Example",
      lastName: "Name",
      password: "aUserPassword",
      userTags: { customKey: "customValue" },
    },
  },
  {
    description: "Patch body example",
    validator: schemaValidators.ExperienceUserPatch,
    value: { password: "aNewPassword", userTags: { customKey: "newCustomValue" } },
  },
  {
    description: "Advanced query example",
    validator: schemaValidators.AdvancedExperienceUserQuery,
    value: { firstName: "Bob", lastUpdated: "2022-01-30T17:18:11.911Z" },
  },
  {
    description: "Error example",
    validator: schemaValidators.Error,
    value: { type: "NotFound", message: "Application was not found" },
  },
  { description: "Success example", validator: schemaValidators.Success, value: { success: true } },
  {
    description: "list request with every query parameter's example",
    validator: requestValidators.listExperienceUsers,
    value: {
      path: { applicationId: APP },
      query: {
        sortField: "email",
        sortDirection: "asc",
        page: 0,
        perPage: 10,
        filterField: "email",
        filter: "my*user",
        experienceGroupId: APP,
        includeAncestorGroups: "true",
        query: { firstName: "Bob", lastUpdated: "2022-01-30T17:18:11.911Z" },
      },
      header: { losantdomain: "example.com" },
    },
  },
  {
    description: "get request with the path examples",
    validator: requestValidators.getExperienceUser,
    value: { path: { applicationId: APP, experienceUserId: USER } },
  },
];

describe("every example is accepted", () => {
  it("finds examples in the spec", () => {
    expect(schemaExamples.length).toBeGreaterThanOrEqual(7);
    expect(mediaExamples.length).toBeGreaterThanOrEqual(27);
  });

  it.each(schemaExamples)("$description", ({ name, value }) => {
    expect(schemaValidators[name].validate(value)).toEqual([]);
  });

  it.each(mediaExamples)("$description", ({ check }) => {
    expect(check()).toBe(true);
  });

  it.each(seedExamples)("seed: $description", ({ validator, value }) => {
    expect(validator.validate(value)).toEqual([]);
  });
});
