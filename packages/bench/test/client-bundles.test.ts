import { type ServedFakeServer, serveFakeServer } from "@experience-users/fake-server";
import {
  launchOfflineChromium,
  type OfflineBrowser,
  type StaticSite,
  serveStaticSite,
} from "@experience-users/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP,
  buildClientBundle,
  type ClientBundleName,
  clientBundles,
  TOKEN,
} from "../src/client-bundles.js";

const LOSANT = "https://api.losant.com";

/** Loads the bundle named in the query, creates a user, lists, and writes what it saw. */
const page = `<!doctype html>
<html><body><script type="module">
const bodyOf = (answer) => ("response" in answer ? answer.data : answer);
let result;
try {
  const client = await import("/" + new URL(location.href).searchParams.get("bundle") + ".js");
  const created = bodyOf(await client.create({ email: "ada@example.com", password: "correct horse" }));
  const listed = bodyOf(await client.list());
  result = { created: created.email, listed: listed.items.map((user) => user.email) };
} catch (error) {
  result = { error: String(error?.message ?? error) };
}
document.body.dataset.result = JSON.stringify(result);
</script></body></html>`;

const names = Object.keys(clientBundles) as ClientBundleName[];
const built = new Map<ClientBundleName, Awaited<ReturnType<typeof buildClientBundle>>>();
let site: StaticSite;
let served: ServedFakeServer;
let chromium: OfflineBrowser;

beforeAll(async () => {
  for (const name of names) built.set(name, await buildClientBundle(name));
  site = await serveStaticSite({
    "/": { type: "text/html", body: page },
    ...Object.fromEntries(
      names.map((name) => [
        `/${name}.js`,
        { type: "text/javascript", body: built.get(name)?.code ?? "" },
      ]),
    ),
  });
  served = await serveFakeServer({ port: 0 });
  chromium = await launchOfflineChromium();
  // Every bundle calls the real API's address; the page's requests to it reach the fake.
  await chromium.page.route(`${LOSANT}/**`, async (route) => {
    const url = route.request().url().replace(LOSANT, served.url);
    await route.fulfill({ response: await route.fetch({ url }) });
  });
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await served?.close();
  await site?.close();
});

const cases = names.map((name) => ({
  name,
  description: `${clientBundles[name].label}: loads in Chromium, creates a user and lists it`,
}));

describe("the client bundles of the bench's bundle pair", () => {
  it.each(cases)("$description", async ({ name }) => {
    served.fake.reset();
    served.fake.addToken(TOKEN, ["all.Application"]);
    await chromium.page.goto(`${site.url}/?bundle=${name}`);
    const result = await chromium.page.waitForFunction(() => document.body.dataset.result);
    expect(JSON.parse((await result.jsonValue()) ?? "null")).toEqual({
      created: "ada@example.com",
      listed: ["ada@example.com"],
    });
    expect(served.fake.store.users(APP).map((user) => user.email)).toEqual(["ada@example.com"]);
    expect(chromium.externalRequests).toEqual([]);
  });

  it("only losant-rest imports Node built-ins", () => {
    expect(
      Object.fromEntries(names.map((name) => [name, built.get(name)?.builtinsImported])),
    ).toEqual({
      ours: [],
      openapiFetch: [],
      official: ["events", "http", "https", "url", "util"],
      officialHandStubbed: ["events", "http", "https", "url", "util"],
    });
  });
});
