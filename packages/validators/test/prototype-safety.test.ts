import {
  isAdvancedExperienceUserQuery,
  isExperienceUserPost,
  isUserTags,
} from "@experience-users/validators";
import { describe, expect, it } from "vitest";

const keys = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

describe("userTags keys that name Object.prototype members", () => {
  it.each(keys.map((key) => ({ key })))(
    "$key is plain data: accepted per the key pattern, no prototype changes",
    ({ key }) => {
      const tags = JSON.parse(`{${JSON.stringify(key)}: "value"}`) as Record<string, unknown>;
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      expect(isUserTags(tags)).toBe(true);
      expect(
        isExperienceUserPost({ email: "a@example.com", password: "aUserPassword", userTags: tags }),
      ).toBe(true);
      expect(isAdvancedExperienceUserQuery({ userTags: tags })).toBe(true);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    },
  );

  it("ignores enumerable properties inherited from a prototype", () => {
    const proto = { injected: "x" };
    const tags = Object.create(proto) as Record<string, string>;
    tags.fine = "value";
    expect(isUserTags(tags)).toBe(true);
    const body = Object.create({ password: "aUserPassword" }) as Record<string, string>;
    body.email = "a@example.com";
    expect(isExperienceUserPost(body)).toBe(false);
  });

  it("rejects a tag value that is an object, even one named __proto__", () => {
    const tags = JSON.parse('{"__proto__": {"polluted": "yes"}}') as Record<string, unknown>;
    expect(isUserTags(tags)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
