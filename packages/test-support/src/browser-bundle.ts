import { gzipSync } from "node:zlib";
import { type BuildOptions, build, type Plugin, transform } from "esbuild";

/** Options of {@link bundleBytes} and {@link bundleModules}. */
export interface BrowserBundleOptions {
  /**
   * Folder the snippet's imports resolve from; input paths are relative to it.
   * @default process.cwd()
   */
  dir?: string;
  /** esbuild plugins (e.g. one that stubs Node built-ins). */
  plugins?: Plugin[];
  /** Imports left out of the bundle. */
  external?: string[];
}

/** A browser bundle of a snippet: its code, its size, and the inputs that went into it. */
export interface BundleBytes {
  /** The minified bundle. */
  code: string;
  /** Its bytes. */
  minified: number;
  /** Its bytes after gzip -9. */
  gzipped: number;
  /** The input modules, as esbuild names them (`node_modules/openapi-fetch/dist/index.mjs`...). */
  inputs: string[];
}

/** What one input module weighs in a bundle. */
export interface ModuleBytes {
  /** The input's path as esbuild names it. */
  input: string;
  /** Its bytes in the minified bundle (esbuild's `bytesInOutput`). */
  minified: number;
  /** The gzip bytes it adds: the gzipped bundle minus the same bundle gzipped without it. */
  gzipped: number;
}

const gzip = (code: Uint8Array | string) => gzipSync(code, { level: 9 }).length;

/**
 * The build every figure comes from, what an app's bundler does for production: esbuild,
 * bundled for the browser, ESM, minified (tree-shaken).
 */
function buildOptions(contents: string, options: BrowserBundleOptions): BuildOptions {
  const dir = options.dir ?? process.cwd();
  return {
    stdin: { contents, resolveDir: dir, loader: "js" },
    absWorkingDir: dir,
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

/** Bundles a snippet's source text for the browser and measures it (minified, gzip -9). */
export async function bundleBytes(
  contents: string,
  options: BrowserBundleOptions = {},
): Promise<BundleBytes> {
  const result = await build(buildOptions(contents, options));
  const output = result.outputFiles?.[0];
  return {
    code: output?.text ?? "",
    minified: output?.contents.length ?? 0,
    gzipped: gzip(output?.contents ?? ""),
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
  options: BrowserBundleOptions = {},
): Promise<ModuleBytes[]> {
  const base = buildOptions(contents, options);
  const minified = await build(base);
  const output = Object.values(minified.metafile?.outputs ?? {})[0];
  const spaced = await build({
    ...base,
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
