import { javaScriptLiteral } from "./literals.ts";
import type { SampleCall } from "./sample-call.ts";
import { TOKEN_PLACEHOLDER } from "./sample-table.ts";

/** The call with `@experience-users/client`: path parameters, then the typed body. */
export function renderTypeScript(call: SampleCall): string {
  const types = call.body ? `, type ${call.body.schema}` : "";
  const args = [`{ ${call.pathParameters.map((p) => p.name).join(", ")} }`];
  if (call.body) args.push("experienceUser");
  return [
    `import { createClient${types} } from "@experience-users/client";`,
    "",
    "const client = createClient({",
    `  token: ${JSON.stringify(TOKEN_PLACEHOLDER)},`,
    `  baseUrl: ${JSON.stringify(call.baseUrl)},`,
    "});",
    "",
    ...call.pathParameters.map((p) => `const ${p.name} = ${JSON.stringify(p.example)};`),
    ...(call.body
      ? [`const experienceUser: ${call.body.schema} = ${javaScriptLiteral(call.body.example)};`]
      : []),
    "",
    `const result = await client.users.${call.row.client}(${args.join(", ")});`,
    "console.log(result);",
  ].join("\n");
}
