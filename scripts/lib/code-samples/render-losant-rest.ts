import { javaScriptProgram } from "./javascript-program.ts";
import type { SampleCall } from "./sample-call.ts";
import { LOSANT_BODY_PARAMETER } from "./sample-table.ts";

/** The call with Losant's official JavaScript client, `losant-rest` (ESM, top-level await). */
export function renderLosantRest(call: SampleCall): string {
  const [resource, action] = call.row.losant;
  const params = call.pathParameters.map((p) => p.name);
  if (call.body) params.push(LOSANT_BODY_PARAMETER);
  return javaScriptProgram(call, {
    imports: 'import { createClient } from "losant-rest";',
    client: "api",
    tokenOption: "accessToken",
    urlOption: "url",
    invocation: `api.${resource}.${action}({ ${params.join(", ")} })`,
  });
}
