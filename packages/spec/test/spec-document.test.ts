import { document, valueAtPointer } from "@experience-users/spec";
import { describe, expect, it } from "vitest";

const at = (pointer: string) => valueAtPointer(document, pointer);

const S = "/components/schemas";
const P = "/components/parameters";
const ID = { $ref: "#/components/schemas/Id" };

const facts = [
  { description: "is OpenAPI 3.1", pointer: "/openapi", expected: "3.1.0" },
  {
    description: "serves https://api.losant.com",
    pointer: "/servers/0/url",
    expected: "https://api.losant.com",
  },
  {
    description: "authenticates with a bearer token",
    pointer: "/components/securitySchemes/apiToken",
    expected: expect.objectContaining({ type: "http", scheme: "bearer" }),
  },
  {
    description: "ids are 24 hex characters",
    pointer: `${S}/Id/pattern`,
    expected: "^[A-Fa-f\\d]{24}$",
  },
  {
    description: "Post requires email and password",
    pointer: `${S}/ExperienceUserPost/required`,
    expected: ["email", "password"],
  },
  {
    description: "Post allows no other properties",
    pointer: `${S}/ExperienceUserPost/additionalProperties`,
    expected: false,
  },
  {
    description: "Patch allows no other properties",
    pointer: `${S}/ExperienceUserPatch/additionalProperties`,
    expected: false,
  },
  {
    description: "Patch requires nothing",
    pointer: `${S}/ExperienceUserPatch/required`,
    expected: undefined,
  },
  {
    description: "password is write-only, 8 to 2048 characters",
    pointer: `${S}/ExperienceUserPost/properties/password`,
    expected: expect.objectContaining({ writeOnly: true, minLength: 8, maxLength: 2048 }),
  },
  {
    description: "responses never describe a password",
    pointer: `${S}/ExperienceUser/properties/password`,
    expected: undefined,
  },
  {
    description: "id is read-only",
    pointer: `${S}/ExperienceUser/properties/id`,
    expected: { ...ID, readOnly: true },
  },
  {
    description: "creationDate is a read-only date-time",
    pointer: `${S}/ExperienceUser/properties/creationDate`,
    expected: { type: "string", format: "date-time", readOnly: true },
  },
  {
    description: "email is an email of at most 1024 characters",
    pointer: `${S}/ExperienceUser/properties/email`,
    expected: { type: "string", format: "email", maxLength: 1024 },
  },
  {
    description:
      "avatarUrl is a read-only uri of at most 1024 characters (the web reference's schema), faked as an avatar image's URL",
    pointer: `${S}/ExperienceUser/properties/avatarUrl`,
    expected: {
      type: "string",
      format: "uri",
      maxLength: 1024,
      "x-faker": "image.avatar",
      readOnly: true,
    },
  },
  {
    description: "tag keys and values are bounded",
    pointer: `${S}/UserTags/patternProperties`,
    expected: { "^[0-9a-zA-Z_-]{1,255}$": { type: "string", minLength: 1, maxLength: 255 } },
  },
  {
    description: "group ids are at most 1000",
    pointer: `${S}/ExperienceGroupIds/maxItems`,
    expected: 1000,
  },
  {
    description: "the advanced query refers to itself",
    pointer: `${S}/AdvancedExperienceUserQueryList/items`,
    expected: { $ref: "#/components/schemas/AdvancedExperienceUserQuery" },
  },
  {
    description: "the advanced query allows no other keys",
    pointer: `${S}/AdvancedExperienceUserQuery/additionalProperties`,
    expected: false,
  },
  {
    description: "sortField defaults to email",
    pointer: `${P}/sortField/schema/default`,
    expected: "email",
  },
  {
    description: "perPage defaults to 100 (web page over markdown)",
    pointer: `${P}/perPage/schema/default`,
    expected: 100,
  },
  {
    description: "page is an integer >= 0",
    pointer: `${P}/page/schema`,
    expected: { type: "integer", minimum: 0, default: 0 },
  },
  {
    description: "query is JSON in the query string",
    pointer: `${P}/query/content/application~1json/schema`,
    expected: { $ref: "#/components/schemas/AdvancedExperienceUserQuery" },
  },
  {
    description: "create links to get",
    pointer:
      "/paths/~1applications~1{applicationId}~1experience~1users/post/responses/201/links/GetCreatedExperienceUser",
    expected: { $ref: "#/components/links/GetExperienceUser" },
  },
  {
    description: "the get link takes the created id",
    pointer: "/components/links/GetExperienceUser/parameters/experienceUserId",
    expected: "$response.body#/id",
  },
];

describe("spec document", () => {
  it.each(facts)("$description", ({ pointer, expected }) => {
    expect(at(pointer)).toEqual(expected);
  });

  it("notes where the web reference won over the older markdown", () => {
    const text = String(at("/info/description"));
    expect(text).toMatch(/perPage.*100.*1000/s);
    expect(text).toContain("experienceuser@example.com");
  });
});
