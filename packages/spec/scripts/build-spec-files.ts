/**
 * Build step of the spec package: publishes the spec's files next to the compiled module,
 * `dist/generated/spec/experience-users.json` as generated (tsc re-indents the JSON it copies)
 * and `experience-users.yaml` written from it, so the two published copies are one document.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { stringify } from "yaml";

const generated = new URL("../src/generated/spec/experience-users.json", import.meta.url);
const dist = new URL("../dist/generated/spec/", import.meta.url);

copyFileSync(generated, new URL("experience-users.json", dist));
writeFileSync(
  new URL("experience-users.yaml", dist),
  [
    "# The Experience Users OpenAPI 3.1 document (spec/experience-users.yaml, YAML anchors resolved),",
    "# written by @experience-users/spec's build from experience-users.json. Do not edit.",
    stringify(JSON.parse(readFileSync(generated, "utf8")), { lineWidth: 0, blockQuote: "literal" }),
  ].join("\n"),
);
