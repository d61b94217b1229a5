import { bodyMediaTypeProblem, parseJsonBody, requestProblems } from "@experience-users/validators";
import { Problem, problems } from "../problem.js";
import type { FakeRequest } from "./fake-request.js";

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function readBytes(request: FakeRequest, limit: number): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length")) > limit) throw problems.payloadTooLarge(limit);
  if (request.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const iterator = request.body[Symbol.asyncIterator]();
  for (;;) {
    const chunk = await iterator.next().catch(() => {
      throw Problem.of(requestProblems.unreadable());
    });
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > limit) {
      await iterator.return?.().catch(() => undefined);
      throw problems.payloadTooLarge(limit);
    }
    chunks.push(chunk.value);
  }
  return concat(chunks, size);
}

/**
 * Reads a request's JSON body: a 415 Problem unless it is JSON, 413 past `limit` bytes (counted
 * while streaming, never buffered past it), 400 when it is not UTF-8 JSON. An empty body is
 * undefined, which the request validator reports when the operation requires one.
 */
export async function readJsonBody(request: FakeRequest, limit: number): Promise<unknown> {
  const contentType = request.headers.get("content-type");
  const mediaTypeProblem = bodyMediaTypeProblem(contentType);
  if (mediaTypeProblem) throw Problem.of(mediaTypeProblem);
  const parsed = parseJsonBody(contentType, await readBytes(request, limit));
  if ("problem" in parsed) throw Problem.of(parsed.problem);
  return parsed.value;
}
