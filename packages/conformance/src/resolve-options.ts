import { isId } from "@experience-users/validators";
import {
  type ConformanceOptions,
  DEFAULT_MAX_RETRY_AFTER,
  DEFAULT_PACE,
  DEFAULT_RATE_LIMIT_RETRIES,
  DEFAULT_TIMEOUT,
} from "./conformance-options.js";
import type { SenderOptions } from "./http/sender.js";
import { InvalidOptionsError } from "./invalid-options-error.js";

/** The options of a run, checked, with their defaults. */
export interface ResolvedOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly readOnly: boolean;
  readonly stateless: boolean;
  readonly sender: SenderOptions;
}

function checkedBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidOptionsError(`baseUrl is not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidOptionsError(`baseUrl must be http or https, got ${url.protocol}`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new InvalidOptionsError("baseUrl must not carry credentials: pass the token instead");
  }
  if (url.search !== "" || url.hash !== "") {
    throw new InvalidOptionsError("baseUrl must not have a query or a fragment");
  }
  return url.href.replace(/\/+$/, "");
}

function checkedNumber(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
): number {
  const number = value ?? fallback;
  if (!Number.isFinite(number) || number < min) {
    throw new InvalidOptionsError(`${name} must be a number of at least ${min}, got ${value}`);
  }
  return number;
}

/** Checks the options of a run; an {@link InvalidOptionsError} names the first bad one. */
export function resolveOptions(options: ConformanceOptions): ResolvedOptions {
  const baseUrl = checkedBaseUrl(options.baseUrl);
  const token = typeof options.token === "string" ? options.token.trim() : "";
  if (token === "") throw new InvalidOptionsError("token is empty");
  if (!isId(options.applicationId)) {
    throw new InvalidOptionsError(
      `applicationId must be an id of 24 hexadecimal characters, got ${JSON.stringify(options.applicationId)}`,
    );
  }
  return {
    baseUrl,
    token,
    applicationId: options.applicationId,
    readOnly: options.readOnly ?? false,
    stateless: options.stateless ?? false,
    sender: {
      fetch: options.fetch ?? ((request) => fetch(request)),
      pace: checkedNumber("pace", options.pace, DEFAULT_PACE, 0),
      timeout: checkedNumber("timeout", options.timeout, DEFAULT_TIMEOUT, 1),
      rateLimitRetries: checkedNumber(
        "rateLimitRetries",
        options.rateLimitRetries,
        DEFAULT_RATE_LIMIT_RETRIES,
        0,
      ),
      maxRetryAfter: checkedNumber(
        "maxRetryAfter",
        options.maxRetryAfter,
        DEFAULT_MAX_RETRY_AFTER,
        0,
      ),
    },
  };
}
