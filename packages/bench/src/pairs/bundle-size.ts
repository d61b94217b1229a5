import { builtinModules } from "node:module";
import { bundleBytes, bundleModules } from "@experience-users/test-support";
import type { Plugin } from "esbuild";
import type { Section } from "../report.js";
import { formatNumber, formatRatio } from "../stats.js";

const APP = "575ec8687ae143cd83dc4a97";

const entries = {
  ours: `import { createClient } from "@experience-users/client";
const client = createClient({ token: "token" });
export const list = () => client.users.list({ applicationId: "${APP}" });
export const create = (body) => client.users.create({ applicationId: "${APP}" }, body);`,
  /** openapi-fetch called directly for the same two calls: the floor any client built on it has. */
  openapiFetch: `import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://api.losant.com", headers: { Authorization: "Bearer token" } });
const path = { applicationId: "${APP}" };
export const list = () => client.GET("/applications/{applicationId}/experience/users", { params: { path } });
export const create = (body) => client.POST("/applications/{applicationId}/experience/users", { params: { path }, body });`,
  official: `import api from "losant-rest";
const client = api.createClient({ accessToken: "token" });
export const list = () => client.experienceUsers.get({ applicationId: "${APP}" });
export const create = (experienceUser) => client.experienceUsers.post({ applicationId: "${APP}", experienceUser });`,
};

/**
 * losant-rest pulls in Node built-ins (through eventsource) that a browser build has to replace;
 * they are stubbed as empty modules here, so its figure is a lower bound.
 */
const emptyNodeBuiltins: Plugin = {
  name: "empty-node-builtins",
  setup(b) {
    const names = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    b.onResolve({ filter: /.*/ }, (args) =>
      names.has(args.path) ? { path: args.path, namespace: "empty" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({
      contents: "module.exports = {};",
      loader: "js",
    }));
  },
};

async function bundle(
  contents: string,
  stubbed: string[],
): Promise<{ minified: number; gzipped: number }> {
  const result = await bundleBytes(contents, { plugins: [emptyNodeBuiltins] });
  stubbed.push(...result.inputs.filter((i) => i.startsWith("empty:")));
  return result;
}

/** A bundle input's path without the folders every input shares. */
function moduleName(input: string): string {
  return input.replace(/^.*node_modules\//, "").replace(/^(\.\.\/)+(packages\/)?/, "");
}

/** Pair 3: bytes a browser app ships to list and create users. */
export async function bundleSizePair(): Promise<Section> {
  const oursStubbed: string[] = [];
  const officialStubbed: string[] = [];
  const ours = await bundle(entries.ours, oursStubbed);
  const official = await bundle(entries.official, officialStubbed);
  if (oursStubbed.length > 0)
    throw new Error(`our client pulled in Node built-ins: ${oursStubbed.join(", ")}`);
  const ratio = official.gzipped / ours.gzipped;
  const kb = (n: number) => `${formatNumber(n / 1024, 1)} KiB`;
  const modules = await bundleModules(entries.ours, { plugins: [emptyNodeBuiltins] });
  const openapiFetch = modules.find((m) => m.input.includes("node_modules/openapi-fetch/"));
  const direct = await bundle(entries.openapiFetch, oursStubbed);
  const budget = Math.floor(official.gzipped / 10);
  return {
    title:
      "3. Bundle: what a browser app ships to list and create users (esbuild, minified, gzip -9)",
    rows: [
      {
        pair: "bundle: @experience-users/client vs losant-rest",
        ours: `${kb(ours.gzipped)} gz (${kb(ours.minified)} min)`,
        theirs: `${kb(official.gzipped)} gz (${kb(official.minified)} min)`,
        ratio: formatRatio(ratio),
        target: ">= 10x smaller",
        met: ratio >= 10,
      },
    ],
    details: [
      `Ours module by module (minified bytes / gzip bytes it adds to the bundle): ${modules.map((m) => `${moduleName(m.input)} ${formatNumber(m.minified)} / ${formatNumber(m.gzipped)}`).join("; ")}. The whole is ${formatNumber(ours.gzipped)} gzip bytes (gzip shares text across modules, so the parts add up to less).`,
      `10x smaller would be at most ${formatNumber(budget)} gzip bytes; openapi-fetch (required: the typed methods call it) adds ${formatNumber(openapiFetch?.gzipped ?? 0)} of them, which leaves ${formatNumber(budget - (openapiFetch?.gzipped ?? 0))} for the client's own code (${formatNumber(ours.gzipped - (openapiFetch?.gzipped ?? 0))} now). openapi-fetch called directly for the same two calls, with no client around it, is ${formatNumber(direct.gzipped)} gzip bytes: 10x leaves ${formatNumber(budget - direct.gzipped)} for everything the client adds to it, which takes ${formatNumber(ours.gzipped - direct.gzipped)}. What each part is and why it stays: the root README, Performance.`,
      `losant-rest needs Node built-ins in a browser (${[...new Set(officialStubbed.map((s) => s.slice(6)))].join(", ")}); they were stubbed as empty modules, so its size is a lower bound. Our client needs none.`,
    ],
  };
}
