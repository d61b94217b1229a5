import { builtinModules } from "node:module";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

/** The package folder: bundles resolve `@experience-users/fake-server` through its exports. */
const packageDir = fileURLToPath(new URL("../..", import.meta.url));

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** An esbuild browser bundle and what went into it. */
export interface BrowserBundle {
  readonly code: string;
  /** Every file of the bundle, from esbuild's metafile. */
  readonly inputs: readonly string[];
  /** Each import of a Node built-in, as `module <- importing file`: none, for Web-platform code. */
  readonly nodeBuiltins: readonly string[];
}

/**
 * Records every import of a Node built-in (and leaves it out of the bundle) instead of failing
 * the build at the first one, so that a test can name them all with their importers.
 */
function recordNodeBuiltins(found: string[]): Plugin {
  return {
    name: "record-node-builtins",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (!builtins.has(args.path)) return undefined;
        found.push(`${args.path} <- ${relative(packageDir, args.importer)}`);
        return { path: args.path, external: true };
      });
    },
  };
}

/** Bundles an entry (TypeScript source text or a file) for the browser as one ES module. */
export async function bundleForBrowser(
  entry: { contents: string } | { file: string },
  options: { minify?: boolean } = {},
): Promise<BrowserBundle> {
  const found: string[] = [];
  const result = await build({
    ...("file" in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: packageDir, loader: "ts" } }),
    absWorkingDir: packageDir,
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: options.minify ?? false,
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [recordNodeBuiltins(found)],
  });
  return {
    code: result.outputFiles[0]?.text ?? "",
    inputs: Object.keys(result.metafile.inputs),
    nodeBuiltins: found,
  };
}
