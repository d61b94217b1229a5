import { describe, expect, it } from "vitest";
import type { FetchFunction } from "../src/http/attempt.js";
import { InterruptedError } from "../src/http/interrupted-error.js";
import { prepareRequest } from "../src/http/prepare-request.js";
import { Sender, type SenderOptions } from "../src/http/sender.js";

const REQUEST = prepareRequest("http://api.test", "listExperienceUsers", {
  path: { applicationId: "575ec8687ae143cd83dc4a97" },
  token: "t",
});

const LIST = '{"items":[],"count":0,"totalCount":0,"perPage":100,"page":0}';

/** A fetch that answers from a script and notes when each call started and ended. */
function scripted(answers: (() => Response | Promise<Response>)[]) {
  const calls: { start: number; end: number }[] = [];
  const fetch: FetchFunction = async () => {
    const call = { start: performance.now(), end: Number.NaN };
    calls.push(call);
    const next = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (!next) throw new Error("no answer scripted");
    const response = await next();
    call.end = performance.now();
    return response;
  };
  return { fetch, calls };
}

const ok = () => new Response(LIST, { headers: { "content-type": "application/json" } });
const limited = (retryAfter?: string) => () =>
  new Response('{"type":"RateLimit","message":"slow down"}', {
    status: 429,
    headers: retryAfter === undefined ? {} : { "retry-after": retryAfter },
  });

function sender(fetch: FetchFunction, options: Partial<SenderOptions> = {}): Sender {
  return new Sender({
    fetch,
    pace: 0,
    timeout: 5_000,
    rateLimitRetries: 3,
    maxRetryAfter: 60_000,
    ...options,
  });
}

describe("Sender", () => {
  it("waits `pace` ms between the end of one request and the start of the next", async () => {
    const { fetch, calls } = scripted([ok]);
    const paced = sender(fetch, { pace: 120 });
    for (let i = 0; i < 3; i++) await paced.send(REQUEST);
    const gaps = calls.slice(1).map((call, i) => call.start - (calls[i]?.end ?? 0));
    expect(gaps).toHaveLength(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(115);
  });

  it("retries a 429 after its Retry-After in seconds, and counts the attempts", async () => {
    const { fetch, calls } = scripted([limited("1"), ok]);
    const outcome = await sender(fetch).send(REQUEST);
    expect(outcome).toMatchObject({ status: 200, attempts: 2 });
    expect((calls[1]?.start ?? 0) - (calls[0]?.end ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("retries a 429 after its Retry-After as an HTTP date", async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1_000);
    const { fetch, calls } = scripted([limited(at.toUTCString()), ok]);
    const outcome = await sender(fetch).send(REQUEST);
    expect(outcome).toMatchObject({ status: 200, attempts: 2 });
    expect(calls[1]?.start ?? 0).toBeGreaterThanOrEqual((calls[0]?.end ?? 0) + 900);
  });

  it("cuts a long Retry-After to maxRetryAfter", async () => {
    const { fetch } = scripted([limited("3600"), ok]);
    const started = performance.now();
    const outcome = await sender(fetch, { maxRetryAfter: 50 }).send(REQUEST);
    expect(outcome).toMatchObject({ status: 200, attempts: 2 });
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it("gives the 429 back once its retries are spent", async () => {
    const { fetch, calls } = scripted([limited("0")]);
    const outcome = await sender(fetch, { rateLimitRetries: 2 }).send(REQUEST);
    expect(outcome).toMatchObject({ status: 429, attempts: 3 });
    expect(calls).toHaveLength(3);
  });

  it("gives the 429 back at once when stopped during its wait", async () => {
    const { fetch, calls } = scripted([limited("30"), ok]);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const started = performance.now();
    const outcome = await sender(fetch).send(REQUEST, stop.signal);
    expect(outcome).toMatchObject({ status: 429, attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("sends nothing once stopped, and says so", async () => {
    const { fetch, calls } = scripted([ok]);
    const stop = new AbortController();
    stop.abort();
    await expect(sender(fetch).send(REQUEST, stop.signal)).rejects.toBeInstanceOf(InterruptedError);
    expect(calls).toHaveLength(0);
  });

  it("finishes the request in flight when stopped during it", async () => {
    const stop = new AbortController();
    const { fetch } = scripted([
      async () => {
        stop.abort();
        await new Promise((resolve) => setTimeout(resolve, 50));
        return ok();
      },
    ]);
    await expect(sender(fetch).send(REQUEST, stop.signal)).resolves.toMatchObject({ status: 200 });
  });

  it("times out a fetch that never answers, even one that ignores its signal", async () => {
    const { fetch } = scripted([() => new Promise<Response>(() => {})]);
    const outcome = await sender(fetch, { timeout: 50 }).send(REQUEST);
    expect(outcome).toMatchObject({
      failure: "timeout",
      message: "no complete answer within 50 ms",
    });
  });

  it("times out a body that stalls", async () => {
    const stalled = new ReadableStream({
      start: (controller) => controller.enqueue(new Uint8Array([123])),
    });
    const { fetch } = scripted([
      () => new Response(stalled, { headers: { "content-type": "application/json" } }),
    ]);
    const outcome = await sender(fetch, { timeout: 50 }).send(REQUEST);
    expect(outcome).toMatchObject({ failure: "timeout" });
  });

  it("names a network failure by its cause", async () => {
    const refused: FetchFunction = async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
      });
    };
    const outcome = await sender(refused).send(REQUEST);
    expect(outcome).toMatchObject({ failure: "network", message: "fetch failed (ECONNREFUSED)" });
  });
});
