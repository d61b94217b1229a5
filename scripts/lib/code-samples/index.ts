import type { JsonObject } from "../../../packages/spec/src/openapi-document.ts";
import type { OpenApiDocument } from "../spec.ts";
import { renderCurl } from "./render-curl.ts";
import { renderLosantRest } from "./render-losant-rest.ts";
import { renderPython } from "./render-python.ts";
import { renderTypeScript } from "./render-typescript.ts";
import { type SampleCall, sampleCalls } from "./sample-call.ts";

/** One entry of an operation's `x-codeSamples`, as Redoc reads it. */
export interface CodeSample {
  readonly lang: string;
  readonly label: string;
  readonly source: string;
}

/**
 * The languages of every operation's samples, in the order the docs page lists them. Redoc 3
 * shows only the samples whose label its `codeSamples.languages` option lists
 * (packages/docs/redocly.yaml).
 */
const sampleLanguages: readonly {
  lang: string;
  label: string;
  render: (call: SampleCall) => string;
}[] = [
  { lang: "curl", label: "curl", render: renderCurl },
  { lang: "TypeScript", label: "TypeScript", render: renderTypeScript },
  { lang: "JavaScript", label: "losant-rest", render: renderLosantRest },
  { lang: "Python", label: "Python", render: renderPython },
];

/** Every operation's code samples, by path and method. */
function codeSamplesOf(
  doc: OpenApiDocument,
): { path: string; method: string; samples: CodeSample[] }[] {
  return sampleCalls(doc).map((call) => ({
    path: call.pathTemplate,
    method: call.method.toLowerCase(),
    samples: sampleLanguages.map(({ lang, label, render }) => ({
      lang,
      label,
      source: render(call),
    })),
  }));
}

/** The published document: the hand-written one with `x-codeSamples` on every operation. */
export function addCodeSamples(doc: OpenApiDocument): OpenApiDocument {
  const published = structuredClone(doc);
  for (const { path, method, samples } of codeSamplesOf(doc)) {
    const operation = published.paths[path]?.[method] as JsonObject;
    operation["x-codeSamples"] = samples.map((sample) => ({ ...sample }));
  }
  return published;
}
