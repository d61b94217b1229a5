import { gzipSync } from "node:zlib";
import { type BuildOptions, build, type Plugin, transform } from "esbuild";

/** Size of a browser bundle, and the inputs that went into it. */
export interface BundleBytes {
  minified: number;
  gzipped: number;
  inputs: string[];
}

/** What one input module weighs in a bundle. */
export interface ModuleBytes {
  /** The input's path as esbuild names it (`node_modules/openapi-fetch/dist/index.mjs`...). */
  input: string;
  /** Its bytes in the minified bundle (esbuild's `bytesInOutput`). */
  minified: number;
  /** The gzip bytes it adds: the gzipped bundle minus the same bundle gzipped without it. */
  gzipped: number;
}

interface BundleOptions {
  plugins?: Plugin[];
  external?: string[];
}

const gzip = (code: Uint8Array | string) => gzipSync(code, { level: 9 }).length;

/** The build every figure here comes from: esbuild, for the browser, ESM, minified. */
function buildOptions(contents: string, options: BundleOptions): BuildOptions {
  return {
    stdin: { contents, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: options.plugins ?? [],
    external: options.external ?? [],
  };
}

/** Bundles an entry's source text for the browser (esbuild, ESM, minified) and measures it (gzip -9). */
export async function bundleBytes(
  contents: string,
  options: BundleOptions = {},
): Promise<BundleBytes> {
  const result = await build(buildOptions(contents, options));
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
  return {
    minified: code.length,
    gzipped: gzip(code),
    inputs: Object.keys(result.metafile?.inputs ?? {}),
  };
}

/**
 * The same bundle, module by module, largest first. The gzip bytes of a module are what it adds
 * to the gzipped bundle (gzip shares repeated text across modules, so a module gzipped alone
 * would count text the rest of the bundle already carries). The modules are told apart by the
 * `// path` comments esbuild writes when it keeps whitespace; the renaming is the same as in the
 * minified bundle, and each variant is minified (whitespace) again before it is gzipped.
 */
export async function bundleModules(
  contents: string,
  options: BundleOptions = {},
): Promise<ModuleBytes[]> {
  const base = buildOptions(contents, options);
  const minified = await build(base);
  const output = Object.values(minified.metafile?.outputs ?? {})[0];
  const spaced = await build({
    ...base,
    write: false,
    minify: false,
    minifySyntax: true,
    minifyIdentifiers: true,
  });
  const [head = "", ...rest] = (spaced.outputFiles?.[0]?.text ?? "").split(/^\/\/ (.+)$/m);
  const chunks: { input: string; code: string }[] = [];
  for (let i = 0; i + 1 < rest.length; i += 2) {
    chunks.push({ input: rest[i] as string, code: rest[i + 1] as string });
  }
  const squeeze = async (code: string) =>
    (await transform(code, { minifyWhitespace: true, format: "esm", logLevel: "silent" })).code;
  const whole = gzip(await squeeze(head + chunks.map((c) => c.code).join("\n")));
  const modules: ModuleBytes[] = [];
  for (const chunk of chunks) {
    const others = chunks.filter((c) => c !== chunk).map((c) => c.code);
    modules.push({
      input: chunk.input,
      minified: output?.inputs[chunk.input]?.bytesInOutput ?? 0,
      gzipped: whole - gzip(await squeeze([head, ...others].join("\n"))),
    });
  }
  return modules.sort((a, b) => b.minified - a.minified);
}
