import { javaScriptLiteral } from "./literals.ts";
import type { SampleCall } from "./sample-call.ts";
import { LOSANT_BODY_PARAMETER, TOKEN_PLACEHOLDER } from "./sample-table.ts";

/** The call with Losant's official JavaScript client, `losant-rest` (ESM, top-level await). */
export function renderLosantRest(call: SampleCall): string {
  const [resource, action] = call.row.losant;
  const params = call.pathParameters.map((p) => p.name);
  if (call.body) params.push(LOSANT_BODY_PARAMETER);
  return [
    'import { createClient } from "losant-rest";',
    "",
    "const api = createClient({",
    `  accessToken: ${JSON.stringify(TOKEN_PLACEHOLDER)},`,
    `  url: ${JSON.stringify(call.baseUrl)},`,
    "});",
    "",
    ...call.pathParameters.map((p) => `const ${p.name} = ${JSON.stringify(p.example)};`),
    ...(call.body
      ? [`const ${LOSANT_BODY_PARAMETER} = ${javaScriptLiteral(call.body.example)};`]
      : []),
    "",
    `const result = await api.${resource}.${action}({ ${params.join(", ")} });`,
    "console.log(result);",
  ].join("\n");
}
