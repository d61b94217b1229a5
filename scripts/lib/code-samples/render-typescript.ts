import { javaScriptProgram } from "./javascript-program.ts";
import type { SampleCall } from "./sample-call.ts";
import { LOSANT_BODY_PARAMETER } from "./sample-table.ts";

/** The call with `@experience-users/client`: path parameters, then the typed body. */
export function renderTypeScript(call: SampleCall): string {
  const args = [`{ ${call.pathParameters.map((p) => p.name).join(", ")} }`];
  if (call.body) args.push(LOSANT_BODY_PARAMETER);
  return javaScriptProgram(call, {
    imports: `import { createClient${call.body ? `, type ${call.body.schema}` : ""} } from "@experience-users/client";`,
    client: "client",
    tokenOption: "token",
    urlOption: "baseUrl",
    ...(call.body ? { bodyType: `: ${call.body.schema}` } : {}),
    invocation: `client.users.${call.row.client}(${args.join(", ")})`,
  });
}
