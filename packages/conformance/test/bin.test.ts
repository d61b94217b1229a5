import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { serveFakeServer } from "@experience-users/fake-server";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import type { ConformanceReport } from "../src/index.js";
import { editJson, startFaultServer } from "./support/fault-server.js";
import { runBin } from "./support/run-bin.js";
import { APPLICATION_ID, seededFake, storeSnapshot } from "./support/seeded-fake.js";

const work = mkdtempSync(join(tmpdir(), "eu-conformance-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TOKEN = "conformance-bin-secret-token-7d2a";

async function until(condition: () => boolean, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeout} ms`);
    await delay(20);
  }
}

interface JunitCase {
  "@_name": string;
  failure?: { "@_message": string };
  skipped?: unknown;
}

function junitCases(file: string): JunitCase[] {
  const text = readFileSync(file, "utf8");
  expect(XMLValidator.validate(text)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === "testcase",
  }).parse(text);
  return parsed.testsuites.testsuite.testcase as JunitCase[];
}

describe("the experience-users-conformance bin", () => {
  it("conforms against the fake over HTTP: exit 0, the JSON report on stdout, JUnit written, no token printed", async () => {
    const served = await serveFakeServer({ port: 0, validateResponses: true });
    try {
      served.fake.addToken(TOKEN, ["all.Application"]);
      served.fake.addUser(APPLICATION_ID, { email: "someone@acme.example", firstName: "Someone" });
      const before = JSON.stringify(served.fake.store.users(APPLICATION_ID));
      const junit = join(work, "pass.xml");
      const bin = runBin(
        [
          "--base-url",
          served.url,
          "--application",
          APPLICATION_ID,
          "--pace",
          "0",
          "--json",
          "--junit",
          junit,
        ],
        { LOSANT_API_TOKEN: TOKEN },
      );
      expect(await bin.closed).toBe(0);
      const report = JSON.parse(bin.stdout()) as ConformanceReport;
      expect(report).toMatchObject({ conforms: true, baseUrl: served.url, interrupted: false });
      expect(report.summary).toMatchObject({ failed: 0, skipped: 0, violations: 0 });
      expect(bin.stderr()).toMatch(/\[ 1\/\d+\] list: no parameters: pass 200/);
      expect(bin.stderr()).toMatch(/│ step +│ status │ time +│ verdict +│/);
      expect(bin.stderr()).toContain("Conforms: ");
      const cases = junitCases(junit);
      expect(cases).toHaveLength(report.steps.length + report.cleanup.length);
      expect(cases.filter((c) => c.failure !== undefined)).toEqual([]);
      for (const text of [bin.stdout(), bin.stderr(), readFileSync(junit, "utf8")]) {
        expect(text).not.toContain(TOKEN);
      }
      expect(JSON.stringify(served.fake.store.users(APPLICATION_ID))).toBe(before);
      expect(served.fake.faults).toEqual([]);
    } finally {
      await served.close();
    }
  });

  it("exits 1 and names the violation in the table and the JUnit; no password or token printed", async () => {
    const fake = seededFake();
    const before = storeSnapshot(fake);
    const server = await startFaultServer(fake, (request, answer, state) =>
      request.method === "GET" && state.createdIds.has(request.path.split("/").pop() ?? "")
        ? editJson(answer, (body) => {
            body.firstName = 42;
          })
        : answer,
    );
    try {
      const junit = join(work, "fail.xml");
      const bin = runBin([
        "--base-url",
        server.url,
        "--application",
        APPLICATION_ID,
        "--pace",
        "0",
        "--junit",
        junit,
        "--token",
        fake.token,
      ]);
      expect(await bin.closed).toBe(1);
      expect(bin.stdout()).toContain(
        "[get: created user] /firstName type (#/properties/firstName/type): must be string; received 42",
      );
      expect(bin.stdout()).toContain("Does not conform: ");
      const failed = junitCases(junit).filter((c) => c.failure !== undefined);
      expect(failed.map((c) => c["@_name"])).toEqual(["get: created user", "get: patched user"]);
      expect(failed[0]?.failure?.["@_message"]).toContain("/firstName type");
      const passwords = server.requests.flatMap((request) => {
        const password = (request.body as { password?: unknown } | undefined)?.password;
        return typeof password === "string" && password.length >= 8 ? [password] : [];
      });
      expect(passwords.length).toBeGreaterThan(0);
      for (const text of [bin.stdout(), bin.stderr(), readFileSync(junit, "utf8")]) {
        for (const secret of [fake.token, ...passwords]) expect(text).not.toContain(secret);
      }
      expect(storeSnapshot(fake)).toBe(before);
    } finally {
      await server.close();
    }
  });

  const usageCases: {
    description: string;
    args: string[];
    env: Record<string, string>;
    message: string;
  }[] = [
    {
      description: "no token",
      args: ["--application", APPLICATION_ID],
      env: {},
      message: "no token: set LOSANT_API_TOKEN or pass --token",
    },
    {
      description: "an application id that is no id",
      args: ["--application", "nope"],
      env: { LOSANT_API_TOKEN: TOKEN },
      message: "applicationId must be an id of 24 hexadecimal characters",
    },
  ];

  it.each(usageCases)(
    "exits 2 with a usage error for $description",
    async ({ args, env, message }) => {
      const bin = runBin(args, env);
      expect(await bin.closed).toBe(2);
      expect(bin.stderr()).toContain(message);
      expect(bin.stderr()).toContain("Usage: experience-users-conformance");
      expect(bin.stderr()).not.toContain(TOKEN);
    },
  );

  it("--help says the token may come from LOSANT_API_TOKEN, and exits 0", async () => {
    const bin = runBin(["--help"]);
    expect(await bin.closed).toBe(0);
    expect(bin.stdout()).toContain("Prefer the LOSANT_API_TOKEN");
    expect(bin.stdout()).toContain("--read-only");
  });
});

describe("interrupted with SIGINT after the create step", () => {
  it("deletes the user it created, prints what it cleaned, exits 130, and leaves the store as it found it", async () => {
    const served = await serveFakeServer({ port: 0, validateResponses: true });
    try {
      served.fake.addUser(APPLICATION_ID, {
        email: "someone@acme.example",
        password: "a-password",
      });
      const before = JSON.stringify(served.fake.store.users(APPLICATION_ID));
      const bin = runBin(
        ["--base-url", served.url, "--application", APPLICATION_ID, "--pace", "100"],
        {
          LOSANT_API_TOKEN: served.fake.token,
        },
      );
      await bin.printed(/create: test user: pass 201/, { stream: "stderr" });
      expect(served.fake.store.users(APPLICATION_ID)).toHaveLength(2);
      bin.child.kill("SIGINT");
      expect(await bin.closed).toBe(130);
      const created = /created user ([0-9a-f]{24})/.exec(bin.stderr())?.[1];
      expect(created).toBeDefined();
      expect(bin.stderr()).toContain("SIGINT: finishing the request in flight");
      expect(bin.stdout()).toContain(`deleted user ${created}`);
      expect(bin.stdout()).toMatch(/skip: interrupted/);
      expect(bin.stdout()).toContain("Does not conform (interrupted)");
      expect(JSON.stringify(served.fake.store.users(APPLICATION_ID))).toBe(before);
    } finally {
      await served.close();
    }
  });

  it("a second SIGINT during cleanup quits at once and names the user it may have left", async () => {
    const fake = seededFake();
    const server = await startFaultServer(fake, async (request, answer) => {
      if (request.method === "DELETE") await delay(60_000);
      return answer;
    });
    try {
      const bin = runBin(
        [
          "--base-url",
          server.url,
          "--application",
          APPLICATION_ID,
          "--pace",
          "100",
          "--timeout",
          "60000",
        ],
        { LOSANT_API_TOKEN: fake.token },
      );
      await bin.printed(/create: test user: pass 201/, { stream: "stderr" });
      bin.child.kill("SIGINT");
      await bin.printed(/SIGINT: finishing the request in flight/, { stream: "stderr" });
      await until(() => server.requests.some((request) => request.method === "DELETE"));
      bin.child.kill("SIGINT");
      // The held DELETE would keep a run that waits for it going for a minute.
      const ended = await Promise.race([bin.closed, delay(10_000).then(() => "still running")]);
      if (ended === "still running") bin.child.kill("SIGKILL");
      expect(ended).toBe(130);
      const created = /created user ([0-9a-f]{24})/.exec(bin.stderr())?.[1];
      expect(bin.stderr()).toContain(
        `SIGINT again: quitting without cleanup. Delete by hand: ${created} (conformance+`,
      );
    } finally {
      await server.close();
    }
  });
});
