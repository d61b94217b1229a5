import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from "node:zlib";
import { responseTooLarge } from "../transport.js";

type Decoder = (body: Buffer, options: ZlibOptions) => Promise<Buffer>;

const gunzipAsync: Decoder = promisify(gunzip);
const inflateAsync: Decoder = promisify(inflate);
const inflateRawAsync: Decoder = promisify(inflateRaw);
const brotliAsync: Decoder = promisify(brotliDecompress);

const decoders: Record<string, Decoder> = {
  gzip: gunzipAsync,
  "x-gzip": gunzipAsync,
  br: brotliAsync,
  // "deflate" is zlib-wrapped (RFC 9110), but some servers send raw deflate; fetch takes both.
  deflate: (body, options) =>
    ((body[0] ?? 0) & 0x0f) === 8 ? inflateAsync(body, options) : inflateRawAsync(body, options),
};

/**
 * The body as the server meant it: every `Content-Encoding` the transport advertises (gzip,
 * deflate, br) undone, last applied first, as fetch does. Unknown codings leave the body as it is.
 * A decoded body over `maxBodySize` rejects like an oversized answer.
 */
export async function decodeBody(
  body: Buffer,
  contentEncoding: string | string[] | undefined,
  status: number,
  maxBodySize: number,
): Promise<Buffer> {
  if (contentEncoding === undefined || body.length === 0) return body;
  const codings = String(contentEncoding).toLowerCase().split(",");
  let decoded = body;
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = (codings[i] as string).trim();
    if (coding === "identity" || coding === "") continue;
    const decoder = decoders[coding];
    if (!decoder) return decoded;
    try {
      decoded = await decoder(decoded, { maxOutputLength: maxBodySize });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        throw responseTooLarge(status, maxBodySize, error);
      }
      throw error;
    }
  }
  return decoded;
}
