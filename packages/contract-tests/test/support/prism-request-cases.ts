import { DEFAULT_BODY_LIMIT } from "@experience-users/fake-server";
import { type OperationId, operations } from "@experience-users/spec";
import type { LooseRequest } from "./prism-raw-requests.js";
import { exampleRequest, parameterExample } from "./prism-spec-examples.js";

/**
 * One request, described once and used for every side: the request validators check `request`
 * as it is, and the mock and the fake receive it encoded by the client (see `sendRaw`).
 */
export interface RequestCase {
  description: string;
  operationId: OperationId;
  request: LooseRequest;
}

/** A request the spec forbids. */
export interface ForbiddenCase extends RequestCase {
  /**
   * JSON pointer into `request` of what is wrong: the validators' issues must point there (or
   * below), and the mock's and the fake's messages must name it.
   */
  at: string;
  /** What both messages must contain, when it is not `at` itself. */
  names?: string;
  /** Sent as the body instead of `request.body` (which the validators then do not judge). */
  rawBody?: string;
  /** Sent with `rawBody` instead of `application/json`. */
  contentType?: string;
  /** The status both answer. Default 400. */
  status?: number;
  /** The Error `type` both answer. Default `Validation`. */
  type?: string;
}

const list = () => exampleRequest("listExperienceUsers") as LooseRequest;
const listWith = (query: Record<string, unknown>): LooseRequest => ({ ...list(), query });
const create = () => exampleRequest("createExperienceUser") as LooseRequest & { body: object };
const createWith = (body: Record<string, unknown>): LooseRequest => ({ ...create(), body });
const update = () => exampleRequest("updateExperienceUser") as LooseRequest & { body: object };
const userPath = exampleRequest("getExperienceUser").path;
const { password: _omitted, ...postWithoutPassword } = create().body as Record<string, unknown>;

/**
 * Requests the spec forbids: the one table of bad requests. Each is rejected by the validators
 * (unless its body is not JSON at all) and by the mock and the fake, with the same Error.
 */
export const forbiddenRequests: ForbiddenCase[] = [
  {
    description: "create without a password",
    operationId: "createExperienceUser",
    request: createWith(postWithoutPassword),
    at: "/body",
  },
  {
    description: "create with a 7-character password",
    operationId: "createExperienceUser",
    request: createWith({ ...create().body, password: "1234567" }),
    at: "/body/password",
  },
  {
    description: "create with a tag key holding a space and '!'",
    operationId: "createExperienceUser",
    request: createWith({ ...create().body, userTags: { "bad key!": "value" } }),
    at: "/body/userTags",
  },
  {
    description: "create with an empty tag value",
    operationId: "createExperienceUser",
    request: createWith({ ...create().body, userTags: { customKey: "" } }),
    at: "/body/userTags",
  },
  {
    description: "create with a property the schema does not have",
    operationId: "createExperienceUser",
    request: createWith({ ...create().body, nickname: "Bob" }),
    at: "/body",
  },
  {
    description: "create with an email that is not an email",
    operationId: "createExperienceUser",
    request: createWith({ ...create().body, email: "not-an-email" }),
    at: "/body/email",
  },
  {
    description: "create with a group id that is not an id",
    operationId: "createExperienceUser",
    request: createWith({ ...create().body, experienceGroupIds: ["not-an-id"] }),
    at: "/body/experienceGroupIds/0",
  },
  {
    description: "create without a body",
    operationId: "createExperienceUser",
    request: { path: create().path },
    at: "",
    names: "body",
  },
  {
    description: "create with a body that is not JSON",
    operationId: "createExperienceUser",
    request: create(),
    rawBody: "not json{",
    at: "/body",
    names: "body",
    type: "BadRequest",
  },
  {
    description: "update with a body that is not JSON",
    operationId: "updateExperienceUser",
    request: update(),
    rawBody: '{"firstName":',
    at: "/body",
    names: "body",
    type: "BadRequest",
  },
  {
    description: "create with a text/plain body",
    operationId: "createExperienceUser",
    request: create(),
    rawBody: "email=ada@example.com",
    contentType: "text/plain",
    at: "/body",
    names: "Content-Type",
    status: 415,
    type: "UnsupportedMediaType",
  },
  {
    description: "create with a body past the 1 MiB limit",
    operationId: "createExperienceUser",
    request: create(),
    rawBody: JSON.stringify("x".repeat(DEFAULT_BODY_LIMIT)),
    at: "/body",
    names: "body",
    status: 413,
    type: "PayloadTooLarge",
  },
  {
    description: "update with a 7-character password",
    operationId: "updateExperienceUser",
    request: { ...update(), body: { password: "1234567" } },
    at: "/body/password",
  },
  {
    description: "update with a property the schema does not have",
    operationId: "updateExperienceUser",
    request: { ...update(), body: { ...update().body, id: "575ed78e7ae143cd83dc4aab" } },
    at: "/body",
  },
  {
    description: "list with perPage as text",
    operationId: "listExperienceUsers",
    request: listWith({ perPage: "abc" }),
    at: "/query/perPage",
  },
  {
    description: "list with perPage 0",
    operationId: "listExperienceUsers",
    request: listWith({ perPage: 0 }),
    at: "/query/perPage",
  },
  {
    description: "list with perPage 1001",
    operationId: "listExperienceUsers",
    request: listWith({ perPage: 1001 }),
    at: "/query/perPage",
  },
  {
    description: "list with page -1",
    operationId: "listExperienceUsers",
    request: listWith({ page: -1 }),
    at: "/query/page",
  },
  {
    description: "list sorted by a field that cannot be sorted on",
    operationId: "listExperienceUsers",
    request: listWith({ sortField: "password" }),
    at: "/query/sortField",
  },
  {
    description: "list sorted by a field that does not exist (sortField=bogus)",
    operationId: "listExperienceUsers",
    request: listWith({ sortField: "bogus" }),
    at: "/query/sortField",
  },
  {
    description: "list with page given twice",
    operationId: "listExperienceUsers",
    request: listWith({ page: [1, 2] }),
    at: "/query/page",
  },
  {
    description: "list with an experienceGroupId that is neither an id nor any/none",
    operationId: "listExperienceUsers",
    request: listWith({ experienceGroupId: "some" }),
    at: "/query/experienceGroupId",
  },
  {
    description: "list with a malformed query JSON (the decoder keeps the text)",
    operationId: "listExperienceUsers",
    request: listWith({ query: "not json{" }),
    at: "/query/query",
  },
  {
    description: "list with an advanced query on a field it does not know",
    operationId: "listExperienceUsers",
    request: listWith({ query: { nope: 1 } }),
    at: "/query/query",
  },
  {
    description: "list with an advanced query giving an id two operators",
    operationId: "listExperienceUsers",
    request: listWith({ query: { id: { $in: [], $nin: [] } } }),
    at: "/query/query/id",
  },
  {
    description: "list with a bad application id in the path",
    operationId: "listExperienceUsers",
    request: { path: { applicationId: "not-an-id" } },
    at: "/path/applicationId",
  },
  {
    description: "get with a bad experience user id in the path",
    operationId: "getExperienceUser",
    request: { path: { ...userPath, experienceUserId: "xyz" } },
    at: "/path/experienceUserId",
  },
  {
    description: "delete with a 25-character id in the path",
    operationId: "deleteExperienceUser",
    request: { path: { ...userPath, experienceUserId: `${userPath.experienceUserId}a` } },
    at: "/path/experienceUserId",
  },
];

/** Each optional query parameter of the list operation alone, with the spec's example value. */
const optionalQueryParameters = operations.listExperienceUsers.parameters
  .filter((parameter) => parameter.in === "query" && !parameter.required)
  .map(({ name }): RequestCase => {
    const value = parameterExample("listExperienceUsers", name);
    return {
      description: `list with only ${name}=${JSON.stringify(value)} (the spec's example)`,
      operationId: "listExperienceUsers",
      request: listWith({ [name]: value }),
    };
  });

/** Requests the spec allows: each must be answered by the mock and accepted by the validators. */
export const allowedRequests: RequestCase[] = [
  ...Object.values(operations).map(
    ({ operationId }): RequestCase => ({
      description: `${operationId} with the spec's example request`,
      operationId: operationId as OperationId,
      request: exampleRequest(operationId as OperationId) as LooseRequest,
    }),
  ),
  ...optionalQueryParameters,
  {
    description: "list with every optional query parameter at once",
    operationId: "listExperienceUsers",
    request: listWith(
      Object.fromEntries(
        optionalQueryParameters.flatMap((c) => Object.entries(c.request.query ?? {})),
      ),
    ),
  },
  {
    description: "list of the users in at least one group (experienceGroupId=any)",
    operationId: "listExperienceUsers",
    request: listWith({ experienceGroupId: "any", includeAncestorGroups: "false" }),
  },
  {
    description: "list with includeAncestorGroups 'yes' (a string to the API: any value is set)",
    operationId: "listExperienceUsers",
    request: listWith({ includeAncestorGroups: "yes" }),
  },
  {
    description: "list of the users in no group (experienceGroupId=none)",
    operationId: "listExperienceUsers",
    request: listWith({ experienceGroupId: "none" }),
  },
  {
    description: "list with a blank filterField and filter (no filtering)",
    operationId: "listExperienceUsers",
    request: listWith({ filterField: "", filter: "" }),
  },
  {
    description: "list with the largest page size, on a later page",
    operationId: "listExperienceUsers",
    request: listWith({ perPage: 1000, page: 12 }),
  },
  {
    description: "list with a nested advanced query ($or, $and, operators, tag matchers)",
    operationId: "listExperienceUsers",
    request: listWith({
      query: {
        $or: [
          { firstName: { $startsWith: "Bo", $ci: true } },
          {
            $and: [
              { userTags: { $tagKey: "customKey", $tagValue: { $in: ["a", "b"] } } },
              { experienceGroupId: { $in: ["575ec8687ae143cd83dc4a97"] } },
              { $nor: [{ email: { $endsWith: "@example.com" } }] },
            ],
          },
        ],
        lastLogin: { $gte: "2022-01-30T17:18:11.911Z" },
        id: { $ne: null },
        userTags: { $ne: { customKey: { $nin: ["x"] } } },
      },
    }),
  },
  {
    description: "create with every property the schema has",
    operationId: "createExperienceUser",
    request: createWith({
      ...create().body,
      tokenCutoff: "2022-01-30T17:18:11.911Z",
      experienceGroupIds: ["575ec8687ae143cd83dc4a97"],
    }),
  },
  {
    description: "update with an empty body (nothing changes)",
    operationId: "updateExperienceUser",
    request: { ...update(), body: {} },
  },
  {
    description: "get with the optional losantdomain header",
    operationId: "getExperienceUser",
    request: {
      path: userPath,
      header: { losantdomain: String(parameterExample("getExperienceUser", "losantdomain")) },
    },
  },
];
