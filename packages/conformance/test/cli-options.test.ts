import { describe, expect, it } from "vitest";
import { parseCliOptions } from "../src/cli/cli-options.js";
import { CliUsageError } from "../src/cli/cli-usage-error.js";

const APP = "575ec8687ae143cd83dc4a97";

describe("parseCliOptions", () => {
  it.each([
    {
      description: "the token and the application from the environment, defaults for the rest",
      argv: [],
      env: { LOSANT_API_TOKEN: "t-env\n", LOSANT_APPLICATION_ID: APP },
      expected: {
        run: {
          baseUrl: "https://api.losant.com",
          token: "t-env",
          applicationId: APP,
          readOnly: false,
          stateless: false,
          pace: 250,
          timeout: 10_000,
          json: false,
        },
      },
    },
    {
      description: "flags over the environment",
      argv: [
        "--token",
        "t-flag",
        "--application",
        APP,
        "--base-url",
        "http://127.0.0.1:4020",
        "--read-only",
        "--stateless",
        "--pace",
        "0",
        "--timeout=500",
        "--json",
        "--junit",
        "out.xml",
      ],
      env: { LOSANT_API_TOKEN: "t-env" },
      expected: {
        run: {
          baseUrl: "http://127.0.0.1:4020",
          token: "t-flag",
          applicationId: APP,
          readOnly: true,
          stateless: true,
          pace: 0,
          timeout: 500,
          json: true,
          junit: "out.xml",
        },
      },
    },
    { description: "-h", argv: ["-h"], env: {}, expected: { help: true } },
    { description: "--version", argv: ["--version"], env: {}, expected: { version: true } },
  ])("reads $description", ({ argv, env, expected }) => {
    expect(parseCliOptions(argv, env)).toEqual(expected);
  });

  it.each([
    { description: "a blank token", argv: ["--application", APP], env: { LOSANT_API_TOKEN: "  " } },
    {
      description: "a negative pace",
      argv: ["--application", APP, "--pace", "-1"],
      env: { LOSANT_API_TOKEN: "t" },
    },
    {
      description: "a timeout in seconds",
      argv: ["--application", APP, "--timeout", "5s"],
      env: { LOSANT_API_TOKEN: "t" },
    },
    { description: "a positional argument", argv: ["run"], env: { LOSANT_API_TOKEN: "t" } },
    { description: "no application", argv: [], env: { LOSANT_API_TOKEN: "t" } },
    {
      description: "a pace that is no number",
      argv: ["--application", APP, "--pace", "fast"],
      env: { LOSANT_API_TOKEN: "t" },
    },
    {
      description: "an unknown option",
      argv: ["--base-ur", "http://127.0.0.1:1"],
      env: { LOSANT_API_TOKEN: "t" },
    },
  ])("refuses $description", ({ argv, env }) => {
    expect(() => parseCliOptions(argv, env)).toThrow(CliUsageError);
  });
});
