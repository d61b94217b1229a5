import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { bundleForBrowser } from "./support/browser-bundle.js";

// What a browser app writes: create a user through the fake's fetch, list it, check its password.
const probe = `
import { createFakeServer, EXAMPLE_APPLICATION_ID } from "@experience-users/fake-server";
globalThis.__result = (async () => {
  const fake = createFakeServer({ validateResponses: true });
  const users = "/applications/" + EXAMPLE_APPLICATION_ID + "/experience/users";
  const headers = { authorization: "Bearer " + fake.token, "content-type": "application/json" };
  const body = JSON.stringify({ email: "ada@example.com", password: "correct horse" });
  const created = await fake.fetch(users, { method: "POST", headers, body });
  const { id } = await created.json();
  const page = await (await fake.fetch(users, { headers })).json();
  return {
    created: created.status,
    listed: page.items.map((user) => user.email),
    password: id !== undefined && (await fake.store.verifyPassword(EXAMPLE_APPLICATION_ID, id, "correct horse")),
    anonymous: (await fake.fetch(users)).status,
    faults: fake.faults.map((fault) => fault.message),
  };
})();
`;

/** The globals a browser gives a script, and nothing Node-only (no Buffer, process or require). */
const webGlobals = {
  AbortController,
  AbortSignal,
  Blob,
  DOMException,
  Event,
  EventTarget,
  Headers,
  ReadableStream,
  Request,
  Response,
  TextDecoder,
  TextEncoder,
  URL,
  URLSearchParams,
  atob,
  btoa,
  clearTimeout,
  console,
  crypto,
  performance,
  queueMicrotask,
  setTimeout,
  structuredClone,
};

describe("the fake's core runs on the Web platform", () => {
  it("bundles the default entry for the browser with no Node built-in and no msw", async () => {
    const bundle = await bundleForBrowser({ contents: probe });
    expect(bundle.nodeBuiltins).toEqual([]);
    expect(bundle.inputs.filter((input) => /node_modules\/(msw|@mswjs)\//.test(input))).toEqual([]);
    expect(bundle.inputs).toContainEqual("dist/index.js");
  });

  it("runs that bundle where only Web globals exist: creates, lists and hashes", async () => {
    const { code } = await bundleForBrowser({ contents: probe });
    const sandbox: Record<string, unknown> = { ...webGlobals };
    sandbox.globalThis = sandbox;
    runInNewContext(code, sandbox, { timeout: 5_000 });
    expect("Buffer" in sandbox || "process" in sandbox || "require" in sandbox).toBe(false);
    expect(await sandbox.__result).toEqual({
      created: 201,
      listed: ["ada@example.com"],
      password: true,
      anonymous: 401,
      faults: [],
    });
  });

  it("bundles the /msw entry with msw/browser for the browser with no Node built-in", async () => {
    const bundle = await bundleForBrowser({
      contents: `
        import { createFakeServer } from "@experience-users/fake-server";
        import { createHandlers } from "@experience-users/fake-server/msw";
        import { setupWorker } from "msw/browser";
        export const worker = setupWorker(...createHandlers(createFakeServer()));`,
    });
    expect(bundle.nodeBuiltins).toEqual([]);
    expect(bundle.inputs).toContainEqual("dist/msw.js");
  });

  it("refuses, at bundle time, a browser import of the Node-only serveFakeServer", async () => {
    await expect(
      bundleForBrowser({
        contents: `import { serveFakeServer } from "@experience-users/fake-server"; serveFakeServer();`,
      }),
    ).rejects.toThrow(/No matching export in "dist\/index\.js" for import "serveFakeServer"/);
  });

  it("gives Node the node entry: the core and serveFakeServer", async () => {
    const entry = await import("@experience-users/fake-server");
    expect(typeof entry.serveFakeServer).toBe("function");
    expect(typeof entry.createFakeServer).toBe("function");
  });
});
