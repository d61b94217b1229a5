import { document, type OperationId, operations } from "@experience-users/spec";
import { describe, expect, it } from "vitest";

// The scope sentences exactly as the Losant reference pages (the seeds) print them.
const seeds: { description: string; operationId: OperationId; sentence: string }[] = [
  {
    description: "Experience Users Get (list)",
    operationId: "listExperienceUsers",
    sentence:
      "all.Application, all.Application.read, all.Organization, all.Organization.read, all.User, all.User.read, experienceUsers.*, or experienceUsers.get.",
  },
  {
    description: "Experience Users Post (create)",
    operationId: "createExperienceUser",
    sentence:
      "all.Application, all.Organization, all.User, experienceUsers.*, or experienceUsers.post.",
  },
  {
    description: "Experience User Get",
    operationId: "getExperienceUser",
    sentence:
      "all.Application, all.Application.read, all.Organization, all.Organization.read, all.User, all.User.read, experienceUser.*, or experienceUser.get.",
  },
  {
    description: "Experience User Patch",
    operationId: "updateExperienceUser",
    sentence:
      "all.Application, all.Organization, all.User, experienceUser.*, or experienceUser.patch.",
  },
  {
    description: "Experience User Delete",
    operationId: "deleteExperienceUser",
    sentence:
      "all.Application, all.Organization, all.User, experienceUser.*, or experienceUser.delete.",
  },
];

function parseSentence(sentence: string): string[] {
  return sentence
    .replace(/\.$/, "")
    .split(/,\s*(?:or\s+)?/)
    .map((s) => s.trim());
}

type SecurityRequirement = Record<string, string[]>;

function securityOf(operationId: OperationId): SecurityRequirement[] {
  const { path, method } = operations[operationId];
  const item = document.paths[path] as Record<string, { security: SecurityRequirement[] }>;
  return item[method]?.security ?? [];
}

describe("scopes", () => {
  it.each(seeds)("$description: one security requirement per scope the seed lists", (seed) => {
    const expected = parseSentence(seed.sentence);
    expect(securityOf(seed.operationId)).toEqual(expected.map((scope) => ({ apiToken: [scope] })));
  });

  it.each(seeds)("$description: the operations table carries the same scopes", (seed) => {
    expect(operations[seed.operationId].scopes).toEqual(parseSentence(seed.sentence));
  });

  it.each(seeds)("$description: the description repeats the scope list", (seed) => {
    const { path, method } = operations[seed.operationId];
    const op = (document.paths[path] as Record<string, { description: string }>)[method];
    const text = op?.description.replace(/\s+/g, " ") ?? "";
    expect(text).toContain(seed.sentence.replace(/\.$/, ""));
  });

  it("covers every operation of the spec", () => {
    expect(seeds.map((s) => s.operationId).sort()).toEqual(Object.keys(operations).sort());
  });
});
