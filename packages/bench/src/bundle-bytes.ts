import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

/** Size of a browser bundle, and the inputs that went into it. */
export interface BundleBytes {
  minified: number;
  gzipped: number;
  inputs: string[];
}

/** Bundles an entry's source text for the browser (esbuild, ESM, minified) and measures it (gzip -9). */
export async function bundleBytes(
  contents: string,
  options: { plugins?: Plugin[]; external?: string[] } = {},
): Promise<BundleBytes> {
  const result = await build({
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
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    inputs: Object.keys(result.metafile.inputs),
  };
}
