import {
  assertAdvancedExperienceUserQuery,
  assertExperienceUserPost,
  assertListExperienceUsersRequest,
  formatIssues,
  isAdvancedExperienceUserQuery,
  TOO_DEEP,
  ValidationError,
  validateAdvancedExperienceUserQuery,
  validateExperienceUserPost,
} from "@experience-users/validators";
import { describe, expect, it } from "vitest";

const SECRET = "hunter2!";

describe("assert*", () => {
  it("throws a ValidationError listing every violation with its JSON pointer", () => {
    const body = {
      email: "nope",
      password: "1234567",
      userTags: { "bad key": "v" },
      extra: SECRET,
    };
    let caught: unknown;
    try {
      assertExperienceUserPost(body);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    expect(error.target).toBe("ExperienceUserPost");
    expect(error.issues.map((i) => `${i.instancePath} ${i.keyword}`).sort()).toEqual(
      [
        "/email format",
        "/password minLength",
        "/userTags additionalProperties",
        " additionalProperties",
      ].sort(),
    );
    expect(error.message).toContain("/password must NOT have fewer than 8 characters");
    expect(error.message).toContain('/ must NOT have additional properties ("extra")');
    expect(error.message).toContain('/userTags must NOT have additional properties ("bad key")');
  });

  it("never puts a validated value in the message", () => {
    const password = "p".repeat(2049);
    expect(() => assertExperienceUserPost({ email: "a@example.com", password })).toThrow(
      ValidationError,
    );
    try {
      assertExperienceUserPost({ email: SECRET, password: SECRET });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(SECRET);
      expect(JSON.stringify((error as ValidationError).issues)).not.toContain(SECRET);
    }
  });

  it("narrows the type when it does not throw", () => {
    const value: unknown = {
      path: { applicationId: "575ec8687ae143cd83dc4a97" },
      query: { perPage: 5 },
    };
    assertListExperienceUsersRequest(value);
    expect(value.query?.perPage).toBe(5);
  });

  it("validate* returns an empty list for a valid value", () => {
    expect(
      validateExperienceUserPost({ email: "a@example.com", password: "aUserPassword" }),
    ).toEqual([]);
    expect(formatIssues([])).toBe("");
  });
});

describe("values nested deeper than the validators recurse", () => {
  it.each([100, 1_000, 10_000, 100_000])(
    "an advanced query nested %i levels deep is answered, never a stack overflow",
    (depth) => {
      let query: Record<string, unknown> = { firstName: "Bob" };
      for (let i = 0; i < depth; i++) query = { $and: [query] };
      const issues = validateAdvancedExperienceUserQuery(query);
      if (depth <= 1_000) expect(issues).toEqual([]);
      else expect(issues).toEqual([TOO_DEEP]);
      expect(isAdvancedExperienceUserQuery(query)).toBe(issues.length === 0);
      if (issues.length === 0) expect(() => assertAdvancedExperienceUserQuery(query)).not.toThrow();
      else expect(() => assertAdvancedExperienceUserQuery(query)).toThrow(/nested too deeply/);
    },
  );

  it("reports whole issues after an `is` broke off on a value nested too deeply", () => {
    let query: Record<string, unknown> = { firstName: "Bob" };
    for (let i = 0; i < 100_000; i++) query = { $and: [query] };
    expect(isAdvancedExperienceUserQuery(query)).toBe(false);
    expect(validateAdvancedExperienceUserQuery({ firstName: { $gt: [] } })).toEqual([
      expect.objectContaining({
        instancePath: "/firstName",
        message: "must be string,number,boolean,null",
      }),
      expect.objectContaining({ instancePath: "/firstName/$gt", keyword: "type" }),
      expect.objectContaining({ instancePath: "/firstName", keyword: "oneOf" }),
    ]);
  });
});

describe("formatIssues", () => {
  it("spells out the first 20 issues and counts the rest, so a message stays small", () => {
    const body = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`unknown${i}`, i]));
    const issues = validateExperienceUserPost(body);
    expect(issues.length).toBeGreaterThan(100_000);
    const message = formatIssues(issues);
    expect(message).toContain(`(and ${issues.length - 20} more)`);
    expect(message.length).toBeLessThan(5_000);
  });
});
