import { fileURLToPath } from "node:url";
import { runCommand } from "@experience-users/test-support";
import { describe, expect, it } from "vitest";
import { parseCliOptions, parsePort, portOption } from "../src/cli-options.js";
import { CliUsageError } from "../src/cli-usage-error.js";
import { DEV_TOKEN, EXAMPLE_APPLICATION_ID } from "../src/index.js";

const packageRoot = fileURLToPath(new URL("..", import.meta.url));

describe("parsePort: the one port rule of the fake, mock and docs command lines", () => {
  it.each([
    { description: "0 (a free port)", text: "0", expected: 0 },
    { description: "1", text: "1", expected: 1 },
    { description: "the fake's default", text: "4020", expected: 4020 },
    { description: "the largest port", text: "65535", expected: 65_535 },
    { description: "leading zeros, still decimal", text: "080", expected: 80 },
  ])("accepts $description", ({ text, expected }) => {
    expect(parsePort(text, "--port")).toBe(expected);
  });

  it.each([
    { description: "one past the largest port", text: "65536" },
    { description: "a negative number", text: "-1" },
    { description: "exponent notation", text: "1e3" },
    { description: "hexadecimal", text: "0x10" },
    { description: "a fraction", text: "80.5" },
    { description: "a decimal point", text: "80.0" },
    { description: "a plus sign", text: "+80" },
    { description: "surrounding spaces", text: " 80 " },
    { description: "an empty string", text: "" },
    { description: "a word", text: "http" },
    { description: "non-ASCII digits", text: "٤٠٢٠" },
    { description: "a huge number", text: "99999999999999999999" },
  ])("refuses $description ($text)", ({ text }) => {
    expect(() => parsePort(text, "MOCK_PORT")).toThrow(
      new CliUsageError(
        `MOCK_PORT must be a port number from 0 to 65535, got ${JSON.stringify(text)}`,
      ),
    );
  });
});

describe("portOption: --port, else the variable, else the default", () => {
  it.each([
    { description: "the flag wins", flag: "5000", env: { MOCK_PORT: "6000" }, expected: 5000 },
    {
      description: "then the variable",
      flag: undefined,
      env: { MOCK_PORT: "6000" },
      expected: 6000,
    },
    {
      description: "an empty variable is unset",
      flag: undefined,
      env: { MOCK_PORT: "" },
      expected: 4010,
    },
    { description: "then the default", flag: undefined, env: {}, expected: 4010 },
  ])("$description", ({ flag, env, expected }) => {
    expect(portOption(flag, env, "MOCK_PORT", 4010)).toBe(expected);
  });

  it("names what it refuses: the flag or the variable", () => {
    expect(() => portOption("1e3", {}, "MOCK_PORT", 4010)).toThrow(/^--port must be/);
    expect(() => portOption(undefined, { MOCK_PORT: "1e3" }, "MOCK_PORT", 4010)).toThrow(
      /^MOCK_PORT must be/,
    );
  });
});

describe("parseCliOptions", () => {
  it.each([
    {
      description: "defaults",
      argv: [],
      env: {},
      expected: {
        port: 4020,
        host: "127.0.0.1",
        quiet: false,
        validateResponses: false,
        help: false,
      },
    },
    { description: "PORT", argv: [], env: { PORT: "5000" }, expected: { port: 5000 } },
    {
      description: "--port wins over PORT",
      argv: ["--port", "0"],
      env: { PORT: "5000" },
      expected: { port: 0 },
    },
    { description: "--port=N", argv: ["--port=4321"], env: {}, expected: { port: 4321 } },
    {
      description: "--host and --fixture",
      argv: ["--host", "::1", "--fixture", "f.json"],
      env: {},
      expected: { host: "::1", fixture: "f.json" },
    },
    {
      description: "--quiet, --validate-responses and -h",
      argv: ["--quiet", "--validate-responses", "-h"],
      env: {},
      expected: { quiet: true, validateResponses: true, help: true },
    },
  ])("$description", ({ argv, env, expected }) => {
    expect(parseCliOptions(argv, env)).toMatchObject(expected);
  });

  it.each([
    { description: "an unknown option", argv: ["--prot", "1"], env: {} },
    { description: "a port out of range", argv: ["--port", "70000"], env: {} },
    { description: "a port that is no number", argv: [], env: { PORT: "http" } },
    { description: "a positional argument", argv: ["serve"], env: {} },
  ])("refuses $description", ({ argv, env }) => {
    expect(() => parseCliOptions(argv, env)).toThrow(CliUsageError);
  });
});

const runCli = (args: string[]) =>
  runCommand(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], { cwd: packageRoot });

describe("the CLI", () => {
  it("serves, prints the dev token, and stops cleanly on SIGTERM", async () => {
    const cli = runCli([
      "--port",
      "0",
      "--fixture",
      "fixtures/example.json",
      "--validate-responses",
    ]);
    try {
      const [, url] = await cli.printed(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await cli.printed(/Ctrl-C to stop/);
      expect(cli.output()).toContain(`dev token (every scope): ${DEV_TOKEN}`);
      const response = await fetch(
        `${url}/applications/${EXAMPLE_APPLICATION_ID}/experience/users`,
        {
          headers: { authorization: `Bearer ${DEV_TOKEN}` },
        },
      );
      expect(((await response.json()) as { totalCount: number }).totalCount).toBe(4);
      cli.child.kill("SIGTERM");
      expect(await cli.closed).toBe(0);
      expect(cli.output()).toMatch(/SIGTERM: stopping\nstopped\n$/);
      expect(cli.output()).not.toContain("aUserPassword");
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  it("exits 1 with every problem of a bad fixture", async () => {
    const cli = runCli(["--port", "0", "--fixture", "package.json"]);
    expect(await cli.closed).toBe(1);
    expect(cli.output()).toContain("Invalid fixture");
  });

  it("prints its usage on --help", async () => {
    const cli = runCli(["--help"]);
    expect(await cli.closed).toBe(0);
    expect(cli.output()).toContain("Usage: experience-users-fake");
  });
});
