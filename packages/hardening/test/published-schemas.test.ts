import { publishedSchema } from "@experience-users/test-support";
import { schemaValidators, type Validator } from "@experience-users/validators";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mutated } from "./support/mutated.js";
import { arbitraryFor } from "./support/schema-arbitrary.js";

type SchemaName = keyof typeof schemaValidators;

interface Pair {
  description: string;
  ours: SchemaName;
}

const pair = (ours: SchemaName): Pair => ({
  description: `${ours.charAt(0).toLowerCase()}${ours.slice(1)}.json and ${ours}`,
  ours,
});

/** Bodies a client sends: the spec must accept exactly what the published schema accepts. */
const requestPairs = [pair("ExperienceUserPost"), pair("ExperienceUserPatch")];

/**
 * Answers the API sends: the spec may only add `required` (the fields the API always sets, a
 * choice its "Sources and choices" note explains); anything else it rejects, Losant's schema
 * must reject too, and whatever it accepts, Losant's must accept.
 */
const responsePairs = [
  pair("ExperienceUser"),
  pair("ExperienceUsers"),
  pair("Error"),
  pair("Success"),
];

/** How the two verdicts may differ on `value`; undefined when they agree as they must. */
function disagreement(
  value: unknown,
  ours: Validator<unknown>,
  theirs: (value: unknown) => boolean,
  onlyRequiredMayDiffer: boolean,
): string | undefined {
  const issues = ours.validate(value);
  const accepted = theirs(value);
  if (issues.length === 0) return accepted ? undefined : "the spec accepts, Losant's rejects";
  if (!accepted) return undefined;
  const notRequired = issues.filter((issue) => issue.keyword !== "required");
  if (onlyRequiredMayDiffer && notRequired.length === 0) return undefined;
  return `Losant's accepts, the spec rejects: ${JSON.stringify(onlyRequiredMayDiffer ? notRequired : issues)}`;
}

function values(name: SchemaName): fc.Arbitrary<unknown> {
  const valid = arbitraryFor(name);
  return fc.oneof(valid, valid.chain(mutated), valid.chain(mutated).chain(mutated));
}

const A_USER = {
  id: "575ed78e7ae143cd83dc4aab",
  experienceUserId: "575ed78e7ae143cd83dc4aab",
  applicationId: "575ec8687ae143cd83dc4a97",
  email: "someone@example.com",
  creationDate: "2016-06-13T04:00:00.000Z",
  lastUpdated: "2016-06-13T04:00:00.000Z",
};

/** Answers the generator rarely or never makes, at the edges of what Losant's schemas allow. */
const responseCases: { description: string; ours: SchemaName; value: unknown }[] = [
  {
    description: "a user whose avatarUrl is an https URL of 1,024 characters",
    ours: "ExperienceUser",
    value: { ...A_USER, avatarUrl: `https://avatars.example.com/${"a".repeat(992)}.png` },
  },
  {
    description: "a user in a group that has a parent group",
    ours: "ExperienceUser",
    value: {
      ...A_USER,
      experienceGroups: [
        { id: "575ec8687ae143cd83dc4a98", name: "East", parentId: "575ec8687ae143cd83dc4a99" },
      ],
    },
  },
  {
    description: "a user with fields Losant's schema does not list",
    ours: "ExperienceUser",
    value: { ...A_USER, phone: "+1 555 0100", lastLoginIp: "10.0.0.1" },
  },
  {
    description: "a page sorted with an empty sortDirection",
    ours: "ExperienceUsers",
    value: { items: [A_USER], count: 1, totalCount: 1, perPage: 100, page: 0, sortDirection: "" },
  },
];

/**
 * Where losant-rest 2.8.1's older schema and the newer one the web reference documents differ, the
 * spec follows the web reference (its "Sources and choices" says so): `avatarUrl` is a `uri` of at
 * most 1024 characters there, a `url` of any length in 2.8.1.
 */
const newerSchemaCases: {
  description: string;
  value: unknown;
  spec: boolean;
  losantRest281: boolean;
}[] = [
  {
    description: "an https avatarUrl of 1,100 characters",
    value: { ...A_USER, avatarUrl: `https://avatars.example.com/${"a".repeat(1100)}.png` },
    spec: false,
    losantRest281: true,
  },
  {
    description: "an avatarUrl that is a URN",
    value: { ...A_USER, avatarUrl: "urn:example:avatar" },
    spec: true,
    losantRest281: false,
  },
];

describe("the spec agrees with Losant's published JSON schemas (losant-rest 2.8.1 lib/schemas)", () => {
  it.each(requestPairs)("$description: the same verdict on every body", ({ ours }) => {
    const theirs = publishedSchema(ours);
    const validator = schemaValidators[ours] as Validator<unknown>;
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(values(ours), (value) => {
        seen[theirs(value) ? "valid" : "invalid"]++;
        expect(disagreement(value, validator, theirs, false)).toBeUndefined();
      }),
      { numRuns: 400, seed: 11 },
    );
    expect(seen.valid).toBeGreaterThan(40);
    expect(seen.invalid).toBeGreaterThan(40);
  });

  it.each(responsePairs)(
    "$description: every answer the spec accepts, Losant's accepts; the spec only adds required fields",
    ({ ours }) => {
      const theirs = publishedSchema(ours);
      const validator = schemaValidators[ours] as Validator<unknown>;
      let acceptedBySpec = 0;
      fc.assert(
        fc.property(values(ours), (value) => {
          if (validator.is(value)) acceptedBySpec++;
          expect(disagreement(value, validator, theirs, true)).toBeUndefined();
        }),
        { numRuns: 300, seed: 11 },
      );
      expect(acceptedBySpec).toBeGreaterThan(60);
    },
  );

  it.each(responseCases)("$description: both accept it", ({ ours, value }) => {
    expect(publishedSchema(ours)(value)).toBe(true);
    expect(schemaValidators[ours].validate(value)).toEqual([]);
  });

  it.each(newerSchemaCases)(
    "$description: the spec follows the web reference's newer schema, not 2.8.1's",
    ({ value, spec, losantRest281 }) => {
      expect(publishedSchema("ExperienceUser")(value)).toBe(losantRest281);
      expect(schemaValidators.ExperienceUser.is(value)).toBe(spec);
    },
  );
});
