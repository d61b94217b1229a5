/** The signal of a request made without one; transports do not pass it on. */
export const NO_SIGNAL: AbortSignal = new AbortController().signal;

/**
 * The Request the typed methods build when the transport is the Node transport: the fields
 * openapi-fetch, middleware and the transport read (`url`, `method`, `headers`, `signal`, the
 * body and its readers, `clone`), without undici's body streams and signal following, which cost
 * more per call than the rest of the client; `npm run bench` measures the client with this
 * transport against Losant's official client.
 *
 * A class made by {@link LightRequest.withHeaders} carries the client's fixed headers (token,
 * Accept-Version...) as a list checked once, and builds a `Headers` of them only when something
 * (a middleware) reads `headers`: passing the five fixed headers through a WHATWG Headers on every
 * call cost 0.2 M of the 1.3 M instructions per call (callgrind, list users, local server).
 */
export class LightRequest {
  /** Headers every request of this class carries under its own: flat `[name, value, ...]`. */
  static readonly baseHeaders: readonly string[] = [];

  /**
   * A LightRequest class whose requests carry `headers` under their own. The headers are checked
   * here, once; an invalid one throws a TypeError that does not repeat its value.
   */
  static withHeaders(headers: Record<string, string>): typeof LightRequest {
    const list: string[] = [];
    try {
      new Headers(headers).forEach((value, name) => {
        list.push(name, value);
      });
    } catch {
      throw new TypeError("headers must be valid HTTP header values (no line breaks)");
    }
    return class extends LightRequest {
      static override readonly baseHeaders: readonly string[] = list;
    };
  }

  readonly url: string;
  readonly method: string;
  readonly signal: AbortSignal;
  readonly redirect: RequestRedirect;
  /** The body as text (the client only sends JSON), or null. */
  readonly bodyText: string | null;
  #base: readonly string[];
  #own: Headers;

  constructor(input: string | URL | LightRequest, init: RequestInit = {}) {
    const from = input instanceof LightRequest ? input : undefined;
    this.url = from ? from.url : String(input);
    this.method = (init.method ?? from?.method ?? "GET").toUpperCase();
    this.#base = from ? from.#base : (new.target as typeof LightRequest).baseHeaders;
    // openapi-fetch builds a fresh Headers per request: adopted, not copied.
    if (init.headers instanceof Headers) this.#own = init.headers;
    else this.#own = new Headers(init.headers ?? (from ? from.#own : undefined));
    this.signal = init.signal ?? from?.signal ?? NO_SIGNAL;
    this.redirect = init.redirect ?? from?.redirect ?? "follow";
    const body = init.body ?? from?.bodyText ?? null;
    if (body !== null && typeof body !== "string")
      throw new TypeError("LightRequest bodies are strings");
    this.bodyText = body;
  }

  /** Every header of the request, its own over the class's; changes to it are sent. */
  get headers(): Headers {
    if (this.#base.length > 0) {
      const merged = new Headers();
      for (let i = 0; i < this.#base.length; i += 2) {
        const name = this.#base[i] as string;
        if (!this.#own.has(name)) merged.append(name, this.#base[i + 1] as string);
      }
      this.#own.forEach((value, name) => {
        merged.append(name, value);
      });
      this.#own = merged;
      this.#base = [];
    }
    return this.#own;
  }

  /** The headers to send, as a flat `[name, value, ...]` list with lower-case names. */
  headerList(): string[] {
    const base = this.#base;
    const list: string[] = [];
    let own = 0;
    this.#own.forEach((value, name) => {
      list.push(name, value);
      own++;
    });
    if (base.length === 0) return list;
    if (own === 0) return [...base];
    for (let i = 0; i < base.length; i += 2) {
      const name = base[i] as string;
      if (!this.#own.has(name)) list.push(name, base[i + 1] as string);
    }
    return list;
  }

  get body(): ReadableStream<Uint8Array> | null {
    return this.bodyText === null ? null : new Response(this.bodyText).body;
  }

  get bodyUsed(): boolean {
    return false;
  }

  clone(): LightRequest {
    return new (this.constructor as typeof LightRequest)(this);
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
