import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type FixtureUser,
  type ServedFakeServer,
  serveFakeServer,
} from "@experience-users/fake-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  pointAt,
  type RunResult,
  requireProgram,
  run,
  sampleFolder,
  TOKEN_PLACEHOLDER,
  TSC,
} from "./support/sample-runners.js";
import { readSpecOutline } from "./support/spec-outline.js";

/**
 * Every code sample of the published spec, run: curl with the real curl binary, TypeScript
 * type-checked by tsc and then run, losant-rest run with Node, each against the HTTP fake with
 * its development token in place of YOUR_API_ACCESS_TOKEN; Python compiled only.
 */
const spec = readSpecOutline();
const CURL = "/usr/bin/curl";
const PYTHON = "/usr/bin/python3";

const samples = spec.operations.flatMap((operation) =>
  operation.codeSamples.map((sample, index) => ({
    ...sample,
    operation,
    file: `${operation.operationId}-${index}`,
    description: `${operation.operationId}: ${sample.label}`,
  })),
);
const byLang = (lang: string) => samples.filter((s) => s.lang === lang);

/** The users the samples' example ids name, so that get, update and delete find one. */
function fixtureOf(): { applicationId: string; users: FixtureUser[] } {
  const examples = Object.assign({}, ...spec.operations.map((o) => o.pathExamples));
  return {
    applicationId: examples.applicationId,
    users: [
      {
        id: examples.experienceUserId,
        email: "sample-reader@example.com",
        password: "a-long-password",
        userTags: { customKey: "customValue" },
      },
    ],
  };
}

let served: ServedFakeServer;
const answered: string[] = [];
const folder = sampleFolder();
let typeCheck: RunResult;

beforeAll(async () => {
  const { applicationId, users } = fixtureOf();
  served = await serveFakeServer({
    port: 0,
    validateResponses: true,
    fixture: { applications: [{ id: applicationId, users }] },
    log: (line) => answered.push(line.replace(/ \d+ms$/, "")),
  });
  const target = { serverUrl: spec.serverUrl, baseUrl: served.url, token: served.fake.token };
  for (const sample of byLang("TypeScript")) {
    folder.write(`ts/${sample.file}.mts`, pointAt(sample.source, target));
  }
  folder.write(
    "ts/tsconfig.json",
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2023"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: true,
        types: ["node"],
        outDir: "out",
      },
      include: ["*.mts"],
    }),
  );
  typeCheck = await run(process.execPath, [TSC, "-p", join(folder.dir, "ts")], { timeout: 60_000 });
}, 90_000);

beforeEach(() => {
  served?.fake.reset();
  answered.length = 0;
});

afterAll(async () => {
  await served?.close();
  folder.remove();
});

/** What the sample's run must show: one request, answered with the operation's success status. */
function expectOneSuccessfulCall(
  result: RunResult,
  operation: (typeof samples)[number]["operation"],
) {
  expect(result.stderr, "the sample printed errors").toBe("");
  expect(result.code, "the sample's exit code").toBe(0);
  expect(result.stdout.trim(), "the sample printed nothing").not.toBe("");
  expect(answered).toEqual([
    `${operation.method.toUpperCase()} ${operation.examplePath} ${operation.successStatus}`,
  ]);
  expect(served.fake.faults).toEqual([]);
}

describe("the published spec's code samples", () => {
  it("every operation has one sample per language: curl, TypeScript, losant-rest, Python", () => {
    for (const operation of spec.operations) {
      expect(operation.codeSamples.map((s) => `${s.lang}/${s.label}`)).toEqual([
        "curl/curl",
        "TypeScript/TypeScript",
        "JavaScript/losant-rest",
        "Python/Python",
      ]);
    }
  });

  it.each(samples)(
    "$description names the token placeholder and the API's URL once each",
    (sample) => {
      expect(() =>
        pointAt(sample.source, {
          serverUrl: spec.serverUrl,
          baseUrl: "",
          token: TOKEN_PLACEHOLDER,
        }),
      ).not.toThrow();
    },
  );
});

/**
 * Losant's reference, verbatim: its curl example per operation (the web page for the collection,
 * the markdown page for one user) and the Python client's calls it shows. The samples must be
 * these, with the spec's example ids in place of APPLICATION_ID and EXPERIENCE_USER_ID.
 */
const CURL_HEAD = [
  "curl -H 'Content-Type: application/json' \\",
  "    -H 'Accept: application/json' \\",
  "    -H 'Authorization: Bearer YOUR_API_ACCESS_TOKEN' \\",
];
const USERS_URL = "    https://api.losant.com/applications/APPLICATION_ID/experience/users";
const USER_URL = `${USERS_URL}/EXPERIENCE_USER_ID`;
const reference: { operationId: string; curl: string[]; python?: string[] }[] = [
  {
    operationId: "listExperienceUsers",
    curl: [...CURL_HEAD, "    -X GET \\", USERS_URL],
    python: [
      "result = client.experience_users.get(applicationId=my_application_id)",
      "",
      "print(result)",
    ],
  },
  {
    operationId: "createExperienceUser",
    curl: [
      ...CURL_HEAD,
      "    -X POST \\",
      `    -d '{"email":"experienceuser@example.com","firstName":"Example","lastName":"Name","password":"aUserPassword","userTags":{"customKey":"customValue"}}' \\`,
      USERS_URL,
    ],
    python: [
      "result = client.experience_users.post(",
      "    applicationId=my_application_id,",
      "    experienceUser=my_experience_user)",
      "",
      "print(result)",
    ],
  },
  { operationId: "getExperienceUser", curl: [...CURL_HEAD, "    -X GET \\", USER_URL] },
  {
    operationId: "updateExperienceUser",
    curl: [
      ...CURL_HEAD,
      "    -X PATCH \\",
      `    -d '{"password":"aNewPassword","userTags":{"customKey":"newCustomValue"}}' \\`,
      USER_URL,
    ],
  },
  { operationId: "deleteExperienceUser", curl: [...CURL_HEAD, "    -X DELETE \\", USER_URL] },
];

describe("the samples are Losant's reference's examples", () => {
  it.each(reference)(
    "$operationId: curl as the reference writes it, Python calls as its client's reference does",
    (row) => {
      const operation = spec.operations.find((o) => o.operationId === row.operationId);
      if (!operation) throw new Error(`no operation ${row.operationId}`);
      const withIds = (text: string) =>
        text
          .replace("APPLICATION_ID", operation.pathExamples.applicationId ?? "")
          .replace("EXPERIENCE_USER_ID", operation.pathExamples.experienceUserId ?? "");
      const source = (lang: string) => operation.codeSamples.find((s) => s.lang === lang)?.source;
      expect(source("curl")).toBe(row.curl.map(withIds).join("\n"));
      if (row.python) expect(source("Python")).toContain(row.python.join("\n"));
    },
  );
});

describe("curl samples, run with the real curl against the HTTP fake", () => {
  beforeAll(() => requireProgram(CURL, "apt-get install curl"));

  it.each(byLang("curl"))("$description", async (sample) => {
    const command = pointAt(sample.source, {
      serverUrl: spec.serverUrl,
      baseUrl: served.url,
      token: served.fake.token,
    });
    const result = await run("/bin/sh", ["-c", `${command} --silent --show-error`]);
    expectOneSuccessfulCall(result, sample.operation);
    expect(() => JSON.parse(result.stdout), "curl printed the JSON answer").not.toThrow();
  });
});

describe("TypeScript samples (@experience-users/client), type-checked by tsc and run against the HTTP fake", () => {
  it.each(byLang("TypeScript"))("$description", async (sample) => {
    const diagnostics = typeCheck.stdout.split("\n").filter((line) => line.includes(sample.file));
    expect(diagnostics, "tsc reports errors in the sample").toEqual([]);
    const result = await run(process.execPath, [join(folder.dir, "ts/out", `${sample.file}.mjs`)]);
    expectOneSuccessfulCall(result, sample.operation);
  });

  it("tsc checked them all without an error", () => {
    expect(typeCheck.stdout + typeCheck.stderr).toBe("");
    expect(typeCheck.code).toBe(0);
  });
});

describe("losant-rest samples (Losant's official JavaScript client), run against the HTTP fake", () => {
  it.each(byLang("JavaScript"))("$description", async (sample) => {
    const file = folder.write(
      `js/${sample.file}.mjs`,
      pointAt(sample.source, {
        serverUrl: spec.serverUrl,
        baseUrl: served.url,
        token: served.fake.token,
      }),
    );
    const result = await run(process.execPath, [file]);
    expectOneSuccessfulCall(result, sample.operation);
  });
});

describe("Python samples: compiled by python3 only (Losant's losantrest package cannot be installed here: no PyPI)", () => {
  beforeAll(() => requireProgram(PYTHON, "apt-get install python3"));

  it.each(byLang("Python"))("$description compiles with python3 -m py_compile", async (sample) => {
    const file = folder.write(`py/${sample.file}.py`, sample.source);
    const result = await run(PYTHON, ["-m", "py_compile", file]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("from losantrest import Client");
  });
});
