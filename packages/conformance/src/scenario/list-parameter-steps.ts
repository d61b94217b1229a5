import { type JsonValue, operations } from "@experience-users/spec";
import { countIsItemsLength } from "./checks.js";
import { parameterExample, parameterValues } from "./spec-values.js";
import type { StepDefinition } from "./step.js";

const LIST = "listExperienceUsers";

function text(value: JsonValue): string {
  return typeof value === "string" ? (value === "" ? '""' : value) : JSON.stringify(value);
}

function listStep(query: Readonly<Record<string, JsonValue>>): StepDefinition {
  const shown = Object.entries(query).map(([name, value]) => `${name}=${text(value)}`);
  return {
    name: `list: ${shown.join("&")}`,
    operationId: LIST,
    request: () => ({ query }),
    expectStatus: operations[LIST].successStatus,
    checks: [countIsItemsLength],
  };
}

/**
 * One list step per query parameter of the operations table and per value the spec gives it (its
 * example, then each enum value), then `filterField` and `filter` together with their examples
 * (apart, each is documented to mean no filtering).
 */
export function listParameterSteps(): StepDefinition[] {
  const names = operations[LIST].parameters.filter((p) => p.in === "query").map((p) => p.name);
  const alone = names.flatMap((name) =>
    parameterValues(LIST, name).map((value) => listStep({ [name]: value })),
  );
  const together = listStep({
    filterField: parameterExample(LIST, "filterField"),
    filter: parameterExample(LIST, "filter"),
  });
  return [...alone, together];
}
