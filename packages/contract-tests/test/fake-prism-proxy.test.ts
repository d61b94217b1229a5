import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createClient, type ExperienceUsersApi } from "@experience-users/client";
import { type ServedFakeServer, serveFakeServer } from "@experience-users/fake-server";
import { freePort, waitUntilListening } from "@experience-users/mock";
import { operationIds, operations } from "@experience-users/spec";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiError, callOperation, checkedFetch, scopesOtherThan } from "./support/fake-harness.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const PRISM = `${root}node_modules/.bin/prism`;
const SPEC = `${root}spec/experience-users.yaml`;
const APP = "575ec8687ae143cd83dc4a97";
const GROUP = "5d0000000000000000000001";
const UNKNOWN = "5f00000000000000000000ff";

let served: ServedFakeServer;
let prism: ChildProcess;
let prismOutput = "";
let prismUrl = "";
const checked = checkedFetch((request) => fetch(request));
const users = (token: string): ExperienceUsersApi =>
  createClient({ token, baseUrl: prismUrl, fetch: checked.fetch, timeout: 10_000 }).users;

function stopPrism(): Promise<void> {
  if (prism.exitCode !== null || prism.signalCode !== null || prism.pid === undefined)
    return Promise.resolve();
  const exited = new Promise<void>((resolve) => prism.once("exit", () => resolve()));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(prism.pid as number), signal);
    } catch {}
  };
  kill("SIGTERM");
  const escalate = setTimeout(() => kill("SIGKILL"), 5_000);
  return exited.finally(() => clearTimeout(escalate));
}

beforeAll(async () => {
  served = await serveFakeServer({
    port: 0,
    validateResponses: true,
    fixture: {
      applications: [{ id: APP, groups: [{ id: GROUP, name: "Customers" }] }],
      tokens: operationIds.map((id) => ({
        token: `without-${id}`,
        scopes: scopesOtherThan(id),
      })),
    },
  });
  const port = await freePort();
  prism = spawn(
    process.execPath,
    [PRISM, "proxy", "--errors", "-h", "127.0.0.1", "-p", String(port), SPEC, served.url],
    { detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  const keep = (chunk: Buffer) => {
    prismOutput = (prismOutput + chunk).slice(-20_000);
  };
  prism.stdout?.on("data", keep);
  prism.stderr?.on("data", keep);
  const died = new Promise<never>((_, reject) =>
    prism.once("exit", (code) =>
      reject(new Error(`prism exited (${code}) before listening:\n${prismOutput}`)),
    ),
  );
  await Promise.race([waitUntilListening("127.0.0.1", port, { timeout: 30_000 }), died]);
  prismUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await stopPrism();
  await served?.close();
});

afterEach(() => {
  expect(checked.problems(), prismOutput.slice(-2_000)).toEqual([]);
  expect(served.fake.faults).toEqual([]);
});

describe("the fake behind prism proxy --errors", () => {
  const dev = () => users(served.fake.token);

  it("serves a whole lifecycle without a single violation", async () => {
    const created = await dev().create(
      { applicationId: APP },
      {
        email: "proxy@example.com",
        password: "password-1",
        firstName: "Pro",
        userTags: { k: "v" },
        experienceGroupIds: [GROUP],
      },
    );
    const experienceUserId = created.id as string;
    expect(await dev().get({ applicationId: APP, experienceUserId })).toEqual(created);
    const updated = await dev().update(
      { applicationId: APP, experienceUserId },
      { lastName: "Xy", password: "password-2", tokenCutoff: "2024-01-01T00:00:00Z" },
    );
    expect(updated.lastName).toBe("Xy");
    const page = await dev().list({
      applicationId: APP,
      sortField: "lastName",
      sortDirection: "desc",
      page: 0,
      perPage: 5,
      filterField: "email",
      filter: "PROXY*",
      experienceGroupId: GROUP,
      includeAncestorGroups: "true",
    });
    expect(page.items).toEqual([updated]);
    const queried = await dev().list({
      applicationId: APP,
      query: {
        $or: [{ email: { $endsWith: "@EXAMPLE.COM", $ci: true } }, { userTags: { k: "v" } }],
      },
    });
    expect(queried.totalCount).toBe(1);
    expect((await dev().list({ applicationId: APP, experienceGroupId: "none" })).totalCount).toBe(
      0,
    );
    expect(await dev().delete({ applicationId: APP, experienceUserId })).toEqual({ success: true });
    expect(checked.seen.map((s) => s.status)).toEqual(expect.arrayContaining([200, 201]));
  });

  it.each(operationIds)(
    "%s: 401, 403 and 404 answers pass the proxy untouched",
    async (operationId) => {
      const call = callOperation[operationId];
      expect((await apiError(call(users("not-a-token"), APP, UNKNOWN))).status).toBe(401);
      expect((await apiError(call(users(`without-${operationId}`), APP, UNKNOWN))).status).toBe(
        403,
      );
      const missing = await apiError(call(dev(), UNKNOWN, UNKNOWN));
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ type: "NotFound", message: "Application was not found" });
      if (operations[operationId].path.includes("{experienceUserId}")) {
        expect((await apiError(call(dev(), APP, UNKNOWN))).body?.message).toBe(
          "Experience user was not found",
        );
      }
    },
  );

  it("answers the 400s only the fake can know (taken email, unknown group)", async () => {
    const ann = await dev().create(
      { applicationId: APP },
      { email: "ann@example.com", password: "password-1" },
    );
    await dev().create(
      { applicationId: APP },
      { email: "bob@example.com", password: "password-1" },
    );
    const taken = await apiError(
      dev().create({ applicationId: APP }, { email: "ANN@example.com", password: "password-1" }),
    );
    expect(taken.body?.type).toBe("Validation");
    expect(
      (
        await apiError(
          dev().create(
            { applicationId: APP },
            { email: "c@example.com", password: "password-1", experienceGroupIds: [UNKNOWN] },
          ),
        )
      ).status,
    ).toBe(400);
    const ids = { applicationId: APP, experienceUserId: ann.id as string };
    expect((await apiError(dev().update(ids, { email: "Bob@Example.com" }))).status).toBe(400);
    expect((await apiError(dev().update(ids, { experienceGroupIds: [UNKNOWN] }))).status).toBe(400);
    expect(checked.seen.filter((s) => s.status === 400)).toHaveLength(4);
  });
});
