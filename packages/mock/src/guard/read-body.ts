import type { IncomingMessage } from "node:http";

/** How reading a request's body ended. */
export type BodyOutcome =
  | { readonly kind: "read"; readonly bytes: Buffer }
  | { readonly kind: "too-large" }
  | { readonly kind: "timed-out" }
  | { readonly kind: "aborted" };

/** Options of {@link readBody}. */
export interface ReadBodyOptions {
  /** Largest body kept, in bytes; a larger one (declared or streamed) is `too-large`. */
  readonly limit: number;
  /** Milliseconds the whole body may take to arrive. */
  readonly timeout: number;
  /** False: the body is read and thrown away, whatever its size (an operation without one). */
  readonly keep: boolean;
}

const EMPTY = Buffer.alloc(0);

/**
 * Reads a request's body into memory, never past `limit` bytes and never longer than `timeout`
 * ms; `aborted` when the client goes away first. After `too-large` or `timed-out` the rest of
 * the body is drained unread, so the answer can still be written.
 */
export function readBody(request: IncomingMessage, options: ReadBodyOptions): Promise<BodyOutcome> {
  if (options.keep && Number(request.headers["content-length"]) > options.limit) {
    request.resume();
    return Promise.resolve({ kind: "too-large" });
  }
  if (request.complete) return Promise.resolve({ kind: "read", bytes: EMPTY });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: BodyOutcome) => {
      clearTimeout(timer);
      request.off("data", onData).off("end", onEnd).off("error", onGone).off("close", onClose);
      if (outcome.kind !== "read") request.resume();
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (!options.keep) return;
      if (size > options.limit) finish({ kind: "too-large" });
      else chunks.push(chunk);
    };
    const onEnd = () =>
      finish({ kind: "read", bytes: options.keep ? Buffer.concat(chunks, size) : EMPTY });
    const onGone = () => finish({ kind: "aborted" });
    const onClose = () => {
      if (!request.complete) onGone();
    };
    const timer = setTimeout(() => finish({ kind: "timed-out" }), options.timeout);
    request.on("data", onData).once("end", onEnd).once("error", onGone).once("close", onClose);
  });
}
