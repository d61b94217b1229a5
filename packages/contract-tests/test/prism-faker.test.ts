import { document, valueAt } from "@experience-users/spec";
import { schemaValidators } from "@experience-users/validators";
import { faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";

// Prism's dynamic mode fills a property that names a faker method (`x-faker`) from the faker
// Prism itself loads (@faker-js/faker 6). Its values are drawn at random, so a method that only
// now and then gives a value the schema refuses makes the mock lie now and then: here every
// named method is drawn many times with a fixed seed, and each value is put into the schema's
// example and checked by the shipped validator.
const SAMPLES = 100_000;

type SchemaName = keyof typeof schemaValidators;
const schemas = valueAt(document, "components", "schemas") as Record<
  string,
  { properties?: Record<string, { "x-faker"?: string }>; examples?: object[] }
>;
const fakedFields = Object.entries(schemas).flatMap(([schema, definition]) =>
  Object.entries(definition.properties ?? {}).flatMap(([field, property]) =>
    property["x-faker"] === undefined
      ? []
      : [
          {
            name: `${schema}.${field}`,
            schema: schema as SchemaName,
            field,
            method: property["x-faker"],
          },
        ],
  ),
);

function fakerMethod(path: string): () => unknown {
  const [module, name] = path.split(".");
  const owner = faker[module ?? ""];
  const method = owner?.[name ?? ""];
  if (typeof method !== "function") throw new Error(`faker has no method ${path}`);
  return () => method.call(owner);
}

describe("the faker methods the spec names for Prism's dynamic mode", () => {
  it("are named somewhere (avatarUrl at least)", () => {
    expect(fakedFields.map((f) => f.name)).toContain("ExperienceUser.avatarUrl");
  });

  it.each(fakedFields)(
    `$name: faker's $method gives a value the validator accepts, ${SAMPLES} times in ${SAMPLES}`,
    ({ schema, field, method }) => {
      const example = schemas[schema]?.examples?.[0];
      expect(example).toBeDefined();
      const draw = fakerMethod(method);
      const validator = schemaValidators[schema];
      faker.seed(17);
      const refused = new Set<unknown>();
      for (let i = 0; i < SAMPLES; i++) {
        const value = draw();
        if (!validator.is({ ...example, [field]: value })) refused.add(value);
      }
      expect([...refused]).toEqual([]);
    },
  );
});
