import type { CallContext } from "./execute.js";
import { BUFFERED_BODY } from "./transport.js";

/**
 * What one attempt saw: the request it sent, when, the answer or the transport's error. Its
 * `fetch` is the one openapi-fetch calls, so the client can tell a failed transport (no answer)
 * from a failed body, a middleware or openapi-fetch itself.
 */
export class Attempt {
  request: Request | undefined;
  answer: Response | undefined;
  transportError: unknown;
  bodyError: unknown;
  #start = 0;
  readonly #ctx: CallContext;
  readonly #number: number;

  constructor(ctx: CallContext, number: number) {
    this.#ctx = ctx;
    this.#number = number;
  }

  event() {
    return {
      operation: this.#ctx.operation,
      attempt: this.#number,
      method: this.request?.method ?? "",
      url: this.request?.url ?? "",
    };
  }

  duration(): number {
    return this.#start === 0 ? 0 : performance.now() - this.#start;
  }

  readonly fetch = (request: Request): Promise<Response> => {
    this.request = request;
    this.#ctx.hooks.onRequest?.(this.event());
    this.#start = performance.now();
    return this.#ctx.transport(request).then(this.#answered, this.#failed);
  };

  readonly #answered = (response: Response): Response => {
    this.answer = response;
    if (!(BUFFERED_BODY in response)) watchBody(response, this.#bodyFailed);
    return response;
  };

  readonly #failed = (error: unknown): never => {
    this.transportError = error;
    throw error;
  };

  readonly #bodyFailed = (error: unknown): never => {
    this.bodyError = error;
    throw error;
  };
}

function watchBody(response: Response, onError: (error: unknown) => never): void {
  const { text, json } = response;
  response.text = () => text.call(response).catch(onError);
  response.json = () => json.call(response).catch(onError);
}
