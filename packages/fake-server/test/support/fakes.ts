import { afterEach, expect } from "vitest";
import { createFakeServer, type FakeServer, type FakeServerOptions } from "../../src/index.js";

/** Answer of {@link call}: status, headers and the parsed JSON body (undefined when empty). */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Returns a factory of fakes with response validation on; after each test, every fake it made
 * must have answered no 500 (no handler error, no response that failed its validator).
 */
export function trackedFakes(): (options?: FakeServerOptions) => FakeServer {
  const made: FakeServer[] = [];
  afterEach(() => {
    for (const fake of made.splice(0)) expect(fake.faults).toEqual([]);
  });
  return (options) => {
    const fake = createFakeServer({ validateResponses: true, ...options });
    made.push(fake);
    return fake;
  };
}

/** Sends one request to an in-process fake with the dev token (unless `token` says otherwise). */
export async function call(
  fake: FakeServer,
  method: string,
  path: string,
  options: {
    token?: string | null;
    body?: BodyInit;
    json?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const token = options.token === undefined ? fake.token : options.token;
  const headers: Record<string, string> = {
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...(options.json === undefined ? {} : { "content-type": "application/json" }),
    ...options.headers,
  };
  const body = options.json === undefined ? options.body : JSON.stringify(options.json);
  const response = await fake.fetch(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? undefined : JSON.parse(text),
  };
}
