import type { Dispatch } from "./dispatch.js";
import { type FakeRequest, JSON_CONTENT_TYPE } from "./fake-request.js";

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) {
        done = true;
        return;
      }
      yield chunk.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

/** A Web `Request` as the fake's steps read it. */
function fromRequest(request: Request): FakeRequest {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body === null ? null : chunksOf(request.body),
  };
}

/**
 * The fake as a Web fetch handler (in process, behind MSW, in a browser): the `Request` read
 * through {@link fromRequest}, the answer built as a `Response`.
 */
export function createFetchHandler(dispatch: Dispatch): (request: Request) => Promise<Response> {
  return async (request) => {
    const answer = await dispatch(fromRequest(request));
    return new Response(answer.body, {
      status: answer.status,
      headers: { ...answer.headers, "content-type": JSON_CONTENT_TYPE },
    });
  };
}
