import {
  document,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  resolveRef,
  serverUrl,
  valueAt,
  valueAtPointer,
} from "@experience-users/spec";
import { describe, expect, it } from "vitest";
import { firstServerUrl } from "../src/server-url.js";

const root = {
  components: {
    schemas: { Id: { type: "string" }, Alias: { $ref: "#/components/schemas/Id" } },
    "a/b~c": { found: true },
    loop: { a: { $ref: "#/components/loop/b" }, b: { $ref: "#/components/loop/a" } },
    text: "not an object",
    list: [{ name: "first" }, { name: "second" }],
  },
};

describe("resolveRef", () => {
  const resolved: { description: string; value: JsonObject; expected?: JsonObject }[] = [
    { description: "returns a value without $ref as it is", value: { type: "integer" } },
    {
      description: "follows a local $ref",
      value: { $ref: "#/components/schemas/Id" },
      expected: { type: "string" },
    },
    {
      description: "follows a chain of $refs",
      value: { $ref: "#/components/schemas/Alias" },
      expected: { type: "string" },
    },
    {
      description: "unescapes ~1 and ~0 in the pointer",
      value: { $ref: "#/components/a~1b~0c" },
      expected: { found: true },
    },
  ];

  it.each(resolved)("$description", ({ value, expected }) => {
    expect(resolveRef(root, value)).toEqual(expected ?? value);
  });

  const refused: { description: string; value: JsonValue | undefined; message: string }[] = [
    {
      description: "refuses a reference into another document",
      value: { $ref: "other.yaml#/Id" },
      message: "only local $refs are supported: other.yaml#/Id",
    },
    {
      description: "refuses a dangling reference, naming it",
      value: { $ref: "#/components/schemas/Missing" },
      message: "unresolvable $ref #/components/schemas/Missing",
    },
    {
      description: "refuses a circular reference",
      value: { $ref: "#/components/loop/a" },
      message: "circular $ref #/components/loop/a",
    },
    {
      description: "refuses a reference to a non-object",
      value: { $ref: "#/components/text" },
      message: 'expected an object, got "not an object"',
    },
    { description: "refuses a missing value", value: undefined, message: "expected an object" },
  ];

  it.each(refused)("$description", ({ value, message }) => {
    expect(() => resolveRef(root, value)).toThrow(message);
  });

  it("resolves the spec's own response references", () => {
    const ok = valueAt(document, "paths", "/applications/{applicationId}/experience/users", "get");
    const response = valueAt(ok, "responses", "401");
    expect(resolveRef(document, response)).toHaveProperty("content");
  });
});

describe("valueAt, valueAtPointer and isJsonObject", () => {
  it.each([
    {
      description: "walks own properties",
      keys: ["components", "schemas", "Id", "type"],
      expected: "string",
    },
    {
      description: "is undefined past a missing key",
      keys: ["components", "nope", "x"],
      expected: undefined,
    },
    {
      description: "is undefined through a string",
      keys: ["components", "text", "length"],
      expected: undefined,
    },
    {
      description: "ignores inherited properties",
      keys: ["components", "toString"],
      expected: undefined,
    },
    {
      description: "steps into arrays by index",
      keys: ["components", "list", "1", "name"],
      expected: "second",
    },
    {
      description: "is undefined past the last index",
      keys: ["components", "list", "2"],
      expected: undefined,
    },
    {
      description: "reads no array property",
      keys: ["components", "list", "length"],
      expected: undefined,
    },
    {
      description: "reads no index with a leading zero",
      keys: ["components", "list", "01"],
      expected: undefined,
    },
  ])("valueAt $description", ({ keys, expected }) => {
    expect(valueAt(root, ...keys)).toEqual(expected);
  });

  it.each([
    { description: "the empty pointer names the root", pointer: "", expected: root },
    {
      description: "walks objects and arrays",
      pointer: "/components/list/0/name",
      expected: "first",
    },
    { description: "unescapes ~1 and ~0", pointer: "/components/a~1b~0c/found", expected: true },
    {
      description: "is undefined for a missing key",
      pointer: "/components/nope",
      expected: undefined,
    },
    {
      description: "is undefined without the leading slash",
      pointer: "components",
      expected: undefined,
    },
  ])("valueAtPointer: $description", ({ pointer, expected }) => {
    expect(valueAtPointer(root, pointer)).toEqual(expected);
  });

  it.each([
    { value: {}, expected: true },
    { value: [], expected: false },
    { value: null, expected: false },
    { value: "x", expected: false },
  ])("isJsonObject($value) is $expected", ({ value, expected }) => {
    expect(isJsonObject(value)).toBe(expected);
  });
});

describe("serverUrl", () => {
  it("is the spec's first server URL", () => {
    expect(serverUrl).toBe("https://api.losant.com");
    expect(serverUrl).toBe(valueAtPointer(document, "/servers/0/url"));
  });

  it("refuses a document without servers, saying what is missing", () => {
    expect(() => firstServerUrl({ servers: [] })).toThrow(
      "the spec names no server URL (servers[0].url)",
    );
  });
});
