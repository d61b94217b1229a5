import type { Dispatcher } from "undici";
import { responseTooLarge } from "../transport.js";

/** One HTTP answer, its body buffered (still encoded as the server sent it). */
export interface Answer {
  status: number;
  statusText: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * An undici dispatch handler that buffers one answer (up to `maxBodySize` bytes) and settles a
 * promise with it; the caller's signal aborts it.
 */
export class AnswerCollector implements Dispatcher.DispatchHandler {
  #chunks: Buffer[] = [];
  #size = 0;
  #status = 0;
  #statusText = "";
  #headers: Answer["headers"] = {};
  #controller: Dispatcher.DispatchController | undefined;
  #settled = false;
  readonly #resolve: (answer: Answer) => void;
  readonly #reject: (error: unknown) => void;
  readonly #maxBodySize: number;
  readonly #signal: AbortSignal | undefined;

  constructor(
    resolve: (answer: Answer) => void,
    reject: (error: unknown) => void,
    maxBodySize: number,
    signal: AbortSignal | undefined,
  ) {
    this.#resolve = resolve;
    this.#reject = reject;
    this.#maxBodySize = maxBodySize;
    this.#signal = signal;
    signal?.addEventListener("abort", this.#onAbort, { once: true });
  }

  readonly #onAbort = () => {
    const reason = this.#signal?.reason;
    this.#controller?.abort(reason);
    this.#fail(reason);
  };

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    this.#chunks = [];
    this.#size = 0;
    if (this.#settled) controller.abort(this.#signal?.reason ?? new Error("aborted"));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: Answer["headers"],
    statusText?: string,
  ): void {
    if (status < 200) return;
    this.#status = status;
    this.#headers = headers;
    this.#statusText = statusText ?? "";
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#size += chunk.length;
    if (this.#size > this.#maxBodySize) {
      controller.abort(responseTooLarge(this.#status, this.#maxBodySize));
      return;
    }
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#signal?.removeEventListener("abort", this.#onAbort);
    const chunks = this.#chunks;
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, this.#size);
    this.#resolve({
      status: this.#status,
      statusText: this.#statusText,
      headers: this.#headers,
      body,
    });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#fail(error);
  }

  #fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#signal?.removeEventListener("abort", this.#onAbort);
    this.#reject(error);
  }
}
