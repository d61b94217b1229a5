/** A request as the fake transport saw it. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

type Responder = (request: Request) => Response | Promise<Response>;

/**
 * A fetch that records every request and answers from a queue of responders (the last one
 * repeats), so tests assert exactly what the client sent.
 */
export function observedFetch(...responders: Responder[]) {
  const seen: SeenRequest[] = [];
  const queue = responders.length > 0 ? [...responders] : [() => json(200, {})];
  const fetch = async (request: Request): Promise<Response> => {
    seen.push({
      method: request.method,
      url: new URL(request.url),
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    });
    const next = queue.length > 1 ? queue.shift() : queue[0];
    return (next as Responder)(request);
  };
  return { fetch, seen };
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}
