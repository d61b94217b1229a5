import type { SampleCall } from "./sample-call.ts";
import { TOKEN_PLACEHOLDER } from "./sample-table.ts";

/** Losant's reference's curl example: the same headers, method, body and URL lines. */
export function renderCurl(call: SampleCall): string {
  const lines = [
    "curl -H 'Content-Type: application/json'",
    "-H 'Accept: application/json'",
    `-H 'Authorization: Bearer ${TOKEN_PLACEHOLDER}'`,
    `-X ${call.method}`,
    ...(call.body ? [`-d ${shellQuote(JSON.stringify(call.body.example))}`] : []),
    `${call.baseUrl}${call.path}`,
  ];
  return lines.map((line, i) => (i === 0 ? line : `    ${line}`)).join(" \\\n");
}

/** Single-quoted for a POSIX shell (a `'` inside becomes `'\''`). */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
