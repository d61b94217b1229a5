import { operations } from "@experience-users/spec";
import { decodeRequest } from "@experience-users/validators";
import { describe, expect, it } from "vitest";

const APP = "575ec8687ae143cd83dc4a97";

function decodeList(search: string, headers: Record<string, string> = {}) {
  return decodeRequest(operations.listExperienceUsers, {
    path: { applicationId: APP },
    search: new URLSearchParams(search),
    headers: new Headers(headers),
  });
}

describe("decodeRequest", () => {
  it("types query values by the parameter encodings of the operations table", () => {
    const { request, issues } = decodeList(
      "page=2&perPage=10&includeAncestorGroups=true&sortField=email&filter=a*&query=%7B%22firstName%22%3A%22Bob%22%7D",
      { losantdomain: "example.com" },
    );
    expect(issues).toEqual([]);
    expect(request).toEqual({
      path: { applicationId: APP },
      query: {
        sortField: "email",
        page: 2,
        perPage: 10,
        filter: "a*",
        includeAncestorGroups: "true",
        query: { firstName: "Bob" },
      },
      header: { losantdomain: "example.com" },
    });
  });

  it.each([
    { text: "true", value: true },
    { text: "false", value: false },
    { text: "yes", value: "yes" },
  ])("a boolean parameter decodes $text as $value", ({ text, value }) => {
    const withFlag = {
      ...operations.listExperienceUsers,
      parameters: [{ name: "flag", in: "query", required: false, encoding: "boolean" } as const],
    };
    const { request } = decodeRequest(withFlag, {
      path: {},
      search: new URLSearchParams({ flag: text }),
      headers: new Headers(),
    });
    expect(request.query).toEqual({ flag: value });
  });

  it.each([
    {
      description: "a non-numeric integer stays a string",
      search: "page=two",
      expected: { page: "two" },
    },
    {
      description: "a fraction stays a number for the validator",
      search: "page=1.5",
      expected: { page: 1.5 },
    },
    { description: "hex is not a number", search: "perPage=0x10", expected: { perPage: "0x10" } },
    {
      description: "includeAncestorGroups is a string, whatever it says",
      search: "includeAncestorGroups=yes",
      expected: { includeAncestorGroups: "yes" },
    },
    {
      description: "includeAncestorGroups=false is the string false",
      search: "includeAncestorGroups=false",
      expected: { includeAncestorGroups: "false" },
    },
    { description: "unknown parameters are not read", search: "foo=1&__proto__=x", expected: {} },
    {
      description: "an empty filter is the empty string",
      search: "filter=&filterField=",
      expected: { filter: "", filterField: "" },
    },
  ])("$description", ({ search, expected }) => {
    const { request, issues } = decodeList(search);
    expect(issues).toEqual([]);
    expect(request.query).toEqual(expected);
  });

  it("reports a query that is not JSON, and a repeated parameter", () => {
    const { request, issues } = decodeList("query=%7Bnope&page=1&page=2");
    expect(request.query).toEqual({});
    expect(issues.map((i) => `${i.instancePath} ${i.message}`)).toEqual([
      "/query/page must be given once",
      "/query/query must be valid JSON",
    ]);
  });

  it("passes the body only to operations that take one", () => {
    const raw = {
      path: { applicationId: APP },
      search: new URLSearchParams(),
      headers: new Headers(),
      body: { email: "x" },
    };
    expect(decodeRequest(operations.createExperienceUser, raw).request.body).toEqual({
      email: "x",
    });
    expect(decodeRequest(operations.listExperienceUsers, raw).request.body).toBeUndefined();
  });
});
