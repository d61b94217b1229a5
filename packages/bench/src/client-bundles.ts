import { builtinModules, createRequire } from "node:module";
import { type BrowserBundleOptions, bundleBytes } from "@experience-users/test-support";
import type { Plugin } from "esbuild";

/** The application every bundle lists and creates users in. */
export const APP = "575ec8687ae143cd83dc4a97";

/** The token every bundle sends. */
export const TOKEN = "token";

/**
 * What a browser app writes to list and create users with each client. Every entry exports
 * `list()` and `create(body)`; they call `https://api.losant.com` with {@link TOKEN}.
 */
const clientEntries = {
  ours: `import { createClient } from "@experience-users/client";
const client = createClient({ token: "${TOKEN}" });
export const list = () => client.users.list({ applicationId: "${APP}" });
export const create = (body) => client.users.create({ applicationId: "${APP}" }, body);`,
  /** openapi-fetch called directly for the same two calls: the floor any client built on it has. */
  openapiFetch: `import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://api.losant.com", headers: { Authorization: "Bearer ${TOKEN}" } });
const path = { applicationId: "${APP}" };
export const list = () => client.GET("/applications/{applicationId}/experience/users", { params: { path } });
export const create = (body) => client.POST("/applications/{applicationId}/experience/users", { params: { path }, body });`,
  official: `import api from "losant-rest";
const client = api.createClient({ accessToken: "${TOKEN}" });
export const list = () => client.experienceUsers.get({ applicationId: "${APP}" });
export const create = (experienceUser) => client.experienceUsers.post({ applicationId: "${APP}", experienceUser });`,
};

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const fromBench = createRequire(import.meta.url);

/**
 * A browser build's answer to each Node built-in an entry imports: a module's source text, or
 * the path of an npm package that stands in for it. Anything not named is an empty module.
 */
type Replacements = Record<string, { contents: string } | { package: string }>;

/**
 * The Node built-ins a bundle imported, and the plugin that answers them with `replacements`.
 * `define` is added to the build's own (esbuild lets a plugin's setup change its options).
 */
function builtinsPlugin(
  imported: Set<string>,
  replacements: Replacements,
  define: Record<string, string> = {},
): Plugin {
  return {
    name: "node-builtins-for-the-browser",
    setup(build) {
      build.initialOptions.define = { ...build.initialOptions.define, ...define };
      build.onResolve({ filter: /.*/ }, ({ path }) => {
        if (!nodeBuiltins.has(path)) return undefined;
        const name = path.replace(/^node:/, "");
        imported.add(name);
        const replacement = replacements[name];
        return replacement && "package" in replacement
          ? { path: fromBench.resolve(replacement.package) }
          : { path: name, namespace: "node-builtin" };
      });
      build.onLoad({ filter: /.*/, namespace: "node-builtin" }, ({ path }) => {
        const replacement = replacements[path];
        const contents =
          replacement && "contents" in replacement ? replacement.contents : "module.exports = {};";
        return { contents, loader: "js" };
      });
    },
  };
}

/** How a bundle of one entry answers Node built-ins. */
interface BuiltinsPolicy {
  replacements: Replacements;
  define?: Record<string, string>;
}

/**
 * losant-rest built for a browser the way bundlers document: it imports eventsource, which calls
 * `util.inherits(EventSource, events.EventEmitter)` as it loads, so `util` and `events` get the
 * npm packages webpack 5's `resolve.fallback` message names (`util/`, `events/`), and `url`,
 * `http` and `https` (only used to stream) are `false`, i.e. empty. The `util` package reads
 * `process.env.NODE_DEBUG` as it loads; that one read is defined, the smallest answer (webpack's
 * recipe provides the whole `process` package).
 */
const bundlerFallbacks: BuiltinsPolicy = {
  replacements: { util: { package: "util/" }, events: { package: "events/" } },
  define: { "process.env.NODE_DEBUG": "false" },
};

/**
 * losant-rest with hand-written stand-ins just big enough to load: `util` with only `inherits`,
 * `events` with an empty `EventEmitter`, the rest empty. No bundler writes these; they make its
 * lower bound.
 */
const handStubs: BuiltinsPolicy = {
  replacements: {
    util: {
      contents:
        "exports.inherits = (child, parent) => { Object.setPrototypeOf(child.prototype, parent.prototype); };",
    },
    events: { contents: "exports.EventEmitter = function EventEmitter() {};" },
  },
};

/** One bundle the bench weighs: what it is, its source, and how it answers Node built-ins. */
interface ClientBundle {
  label: string;
  entry: string;
  builtins: BuiltinsPolicy;
}

/** The bundles the bench weighs: ours, openapi-fetch alone, and losant-rest built two ways. */
export const clientBundles = {
  ours: {
    label: "@experience-users/client",
    entry: clientEntries.ours,
    builtins: { replacements: {} },
  },
  openapiFetch: {
    label: "openapi-fetch alone",
    entry: clientEntries.openapiFetch,
    builtins: { replacements: {} },
  },
  official: {
    label: "losant-rest with the bundlers' fallbacks",
    entry: clientEntries.official,
    builtins: bundlerFallbacks,
  },
  officialHandStubbed: {
    label: "losant-rest with hand-written stubs",
    entry: clientEntries.official,
    builtins: handStubs,
  },
} satisfies Record<string, ClientBundle>;

/** The name of one of {@link clientBundles}. */
export type ClientBundleName = keyof typeof clientBundles;

/** esbuild options that build one of {@link clientBundles}, and the built-ins it imported. */
export function clientBundleOptions(name: ClientBundleName): {
  entry: string;
  options: BrowserBundleOptions;
  builtinsImported: Set<string>;
} {
  const { entry, builtins }: ClientBundle = clientBundles[name];
  const builtinsImported = new Set<string>();
  const options = {
    plugins: [builtinsPlugin(builtinsImported, builtins.replacements, builtins.define)],
  };
  return { entry, options, builtinsImported };
}

/** One of {@link clientBundles} built for the browser and weighed (esbuild, minified, gzip -9). */
export async function buildClientBundle(name: ClientBundleName) {
  const { entry, options, builtinsImported } = clientBundleOptions(name);
  const built = await bundleBytes(entry, options);
  return { ...built, builtinsImported: [...builtinsImported].sort() };
}
