/**
 * The Request the typed methods build when the transport is `createNodeFetch()`: the fields
 * openapi-fetch, middleware and the transport read (`url`, `method`, `headers`, `signal`, the
 * body and its readers, `clone`), without undici's body streams and signal following, which cost
 * more per call than the rest of the client; `npm run bench` measures the client with this
 * transport against Losant's official client.
 */
/** The signal of a request made without one; transports do not pass it on. */
export const NO_SIGNAL: AbortSignal = new AbortController().signal;

export class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal;
  readonly redirect: RequestRedirect;
  /** The body as text (the client only sends JSON), or null. */
  readonly bodyText: string | null;

  constructor(input: string | URL | LightRequest, init: RequestInit = {}) {
    const from = input instanceof LightRequest ? input : undefined;
    this.url = from ? from.url : String(input);
    this.method = (init.method ?? from?.method ?? "GET").toUpperCase();
    this.headers = new Headers(init.headers ?? from?.headers);
    this.signal = init.signal ?? from?.signal ?? NO_SIGNAL;
    this.redirect = init.redirect ?? from?.redirect ?? "follow";
    const body = init.body ?? from?.bodyText ?? null;
    if (body !== null && typeof body !== "string")
      throw new TypeError("LightRequest bodies are strings");
    this.bodyText = body;
  }

  get body(): ReadableStream<Uint8Array> | null {
    return this.bodyText === null ? null : new Response(this.bodyText).body;
  }

  get bodyUsed(): boolean {
    return false;
  }

  clone(): LightRequest {
    return new LightRequest(this);
  }

  async text(): Promise<string> {
    return this.bodyText ?? "";
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.bodyText ?? "");
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.bodyText ?? "").buffer as ArrayBuffer;
  }
}

/** A fetch that takes {@link LightRequest}s, and says so, so the client builds them. */
export interface LightTransport {
  (request: LightRequest): Promise<Response>;
  readonly Request: typeof LightRequest;
}
