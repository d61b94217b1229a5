import { javaScriptLiteral } from "./literals.ts";
import type { SampleCall } from "./sample-call.ts";
import { LOSANT_BODY_PARAMETER, TOKEN_PLACEHOLDER } from "./sample-table.ts";

/**
 * The shape both JavaScript samples share: an import, a client made with the token placeholder
 * and the API's URL, one `const` per path parameter and the body (named `experienceUser`), then
 * `const result = await <call>; console.log(result);`.
 */
export function javaScriptProgram(
  call: SampleCall,
  parts: {
    /** The import line. */
    imports: string;
    /** `const <client> = createClient({ <token>: ..., <url>: ... })`. */
    client: string;
    tokenOption: string;
    urlOption: string;
    /** A type annotation for the body, e.g. `: ExperienceUserPost`. */
    bodyType?: string;
    /** The awaited expression. */
    invocation: string;
  },
): string {
  return [
    parts.imports,
    "",
    `const ${parts.client} = createClient({`,
    `  ${parts.tokenOption}: ${JSON.stringify(TOKEN_PLACEHOLDER)},`,
    `  ${parts.urlOption}: ${JSON.stringify(call.baseUrl)},`,
    "});",
    "",
    ...call.pathParameters.map((p) => `const ${p.name} = ${JSON.stringify(p.example)};`),
    ...(call.body
      ? [
          `const ${LOSANT_BODY_PARAMETER}${parts.bodyType ?? ""} = ${javaScriptLiteral(call.body.example)};`,
        ]
      : []),
    "",
    `const result = await ${parts.invocation};`,
    "console.log(result);",
  ].join("\n");
}
