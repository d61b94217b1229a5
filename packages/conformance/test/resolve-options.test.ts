import { describe, expect, it } from "vitest";
import { type ConformanceOptions, InvalidOptionsError } from "../src/index.js";
import { resolveOptions } from "../src/resolve-options.js";

const valid: ConformanceOptions = {
  baseUrl: "https://api.example/v1/",
  token: " a-token\n",
  applicationId: "575ec8687ae143cd83dc4a97",
};

describe("resolveOptions", () => {
  it("keeps a base URL's path without its trailing slash, trims the token, and fills the defaults", () => {
    expect(resolveOptions(valid)).toMatchObject({
      baseUrl: "https://api.example/v1",
      token: "a-token",
      readOnly: false,
      stateless: false,
      sender: { pace: 250, timeout: 10_000, rateLimitRetries: 3, maxRetryAfter: 60_000 },
    });
  });

  it.each([
    {
      description: "a base URL that is no URL",
      options: { baseUrl: "api.losant.com" },
      message: "baseUrl is not a URL",
    },
    {
      description: "a base URL that is not http",
      options: { baseUrl: "ftp://api.example" },
      message: "must be http or https",
    },
    {
      description: "a base URL with credentials",
      options: { baseUrl: "https://me:pw@api.example" },
      message: "must not carry credentials",
    },
    {
      description: "a base URL with a query",
      options: { baseUrl: "https://api.example/?x=1" },
      message: "must not have a query or a fragment",
    },
    { description: "an empty token", options: { token: "  " }, message: "token is empty" },
    {
      description: "an application id of 23 characters",
      options: { applicationId: "575ec8687ae143cd83dc4a9" },
      message: "24 hexadecimal characters",
    },
    {
      description: "a negative pace",
      options: { pace: -1 },
      message: "pace must be a number of at least 0",
    },
    {
      description: "a timeout of 0",
      options: { timeout: 0 },
      message: "timeout must be a number of at least 1",
    },
    {
      description: "a pace that is not a number",
      options: { pace: Number.NaN },
      message: "pace must be",
    },
  ])("refuses $description", ({ options, message }) => {
    expect(() => resolveOptions({ ...valid, ...options })).toThrow(InvalidOptionsError);
    expect(() => resolveOptions({ ...valid, ...options })).toThrow(message);
  });
});
