import { pythonLiteral } from "./literals.ts";
import type { SampleCall } from "./sample-call.ts";
import { LOSANT_BODY_PARAMETER, TOKEN_PLACEHOLDER } from "./sample-table.ts";

/**
 * The call with Losant's official Python client (`losantrest`), written as its reference writes
 * it: `client.experience_users.get(applicationId=my_application_id)`, one keyword argument per
 * line when there are several.
 */
export function renderPython(call: SampleCall): string {
  const [resource, action] = call.row.losant;
  const variables = call.pathParameters.map((p) => ({
    keyword: p.name,
    name: `my_${snakeCase(p.name)}`,
    value: pythonLiteral(p.example),
  }));
  if (call.body) {
    variables.push({
      keyword: LOSANT_BODY_PARAMETER,
      name: `my_${snakeCase(LOSANT_BODY_PARAMETER)}`,
      value: pythonLiteral(call.body.example),
    });
  }
  const args = variables.map((v) => `${v.keyword}=${v.name}`);
  const method = `client.${snakeCase(resource)}.${action}`;
  const invocation =
    args.length === 1 ? `${method}(${args[0]})` : `${method}(\n    ${args.join(",\n    ")})`;
  return [
    "from losantrest import Client",
    "",
    `client = Client(auth_token=${pythonLiteral(TOKEN_PLACEHOLDER)}, url=${pythonLiteral(call.baseUrl)})`,
    "",
    ...variables.map((v) => `${v.name} = ${v.value}`),
    "",
    `result = ${invocation}`,
    "",
    "print(result)",
  ].join("\n");
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
