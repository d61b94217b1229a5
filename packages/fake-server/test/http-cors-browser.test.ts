import { fileURLToPath } from "node:url";
import {
  launchOfflineChromium,
  type OfflineBrowser,
  type StaticSite,
  serveStaticSite,
} from "@experience-users/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_APPLICATION_ID } from "../src/index.js";
import { type ServedFakeServer, serveFakeServer } from "../src/index.node.js";
import { bundleForBrowser } from "./support/browser-bundle.js";
import { pageProblems, usersPageHtml } from "./support/users-page.js";

const pageScript = fileURLToPath(new URL("./browser/http-fake-page.ts", import.meta.url));

const html = usersPageHtml("/http-fake-page.js");

let site: StaticSite;
let served: ServedFakeServer;
let chromium: OfflineBrowser;

beforeAll(async () => {
  const bundle = await bundleForBrowser({ file: pageScript });
  site = await serveStaticSite({
    "/": { type: "text/html", body: html },
    "/http-fake-page.js": { type: "text/javascript", body: bundle.code },
  });
  served = await serveFakeServer({ port: 0, validateResponses: true });
  chromium = await launchOfflineChromium();
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await served?.close();
  await site?.close();
});

describe("the fake over HTTP, called from a page on another origin in headless Chromium", () => {
  it("creates, updates, lists and deletes through the client (CORS preflights included), and a 401 is readable", async () => {
    expect(new URL(site.url).origin).not.toBe(new URL(served.url).origin);
    const { page } = chromium;
    const problems = pageProblems(page);
    const given = new URLSearchParams({
      fake: served.url,
      application: EXAMPLE_APPLICATION_ID,
      token: served.fake.token,
    });
    await page.goto(`${site.url}/?${given}`);
    const status = page.locator("#status");
    await page.waitForFunction(() => document.querySelector("#status")?.textContent !== "loading");
    expect(await status.textContent()).toBe("1 users");
    expect(await page.locator("#users li").allTextContents()).toEqual([
      "Grace <grace@example.com>",
    ]);
    expect(await status.getAttribute("data-anonymous")).toBe("401");
    expect(await status.getAttribute("data-anonymous-type")).toBe("Unauthorized");
    expect(problems).toEqual([]);
    expect(served.fake.store.users(EXAMPLE_APPLICATION_ID)).toEqual([]);
    expect(served.fake.faults).toEqual([]);
    expect(chromium.externalRequests).toEqual([]);
  });
});
