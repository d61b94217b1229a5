import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import {
  launchOfflineChromium,
  type OfflineBrowser,
  type StaticSite,
  serveStaticSite,
} from "@experience-users/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleForBrowser } from "./support/browser-bundle.js";
import { pageProblems, usersPageHtml } from "./support/users-page.js";

const pageScript = fileURLToPath(new URL("./browser/users-page.ts", import.meta.url));
// MSW's worker script, as the installed msw ships it (what `npx msw init` would copy).
const workerScript = createRequire(import.meta.url).resolve("msw/mockServiceWorker.js");

const html = usersPageHtml("/users-page.js");

let site: StaticSite;
let chromium: OfflineBrowser;
let pageBundleBuiltins: readonly string[];

beforeAll(async () => {
  const bundle = await bundleForBrowser({ file: pageScript });
  pageBundleBuiltins = bundle.nodeBuiltins;
  site = await serveStaticSite({
    "/": { type: "text/html", body: html },
    "/users-page.js": { type: "text/javascript", body: bundle.code },
    "/mockServiceWorker.js": { type: "text/javascript", body: readFileSync(workerScript, "utf8") },
  });
  chromium = await launchOfflineChromium({ serviceWorkers: "allow" });
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await site?.close();
});

describe("the fake behind MSW's service worker in headless Chromium", () => {
  it("answers a page's client at https://api.losant.com, shows the users, and nothing leaves the machine", async () => {
    expect(pageBundleBuiltins).toEqual([]);
    const { page } = chromium;
    const problems = pageProblems(page);
    await page.goto(`${site.url}/`);
    const status = page.locator("#status");
    await page.waitForFunction(() => document.querySelector("#status")?.textContent !== "loading");
    expect(await status.textContent()).toBe("2 users");
    expect(await page.locator("#users li").allTextContents()).toEqual([
      "ada@example.com",
      "grace@example.com",
    ]);
    expect(await status.getAttribute("data-anonymous")).toBe("401");
    expect(await status.getAttribute("data-faults")).toBe("0");
    expect(
      await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? "no controller"),
    ).toBe(`${site.url}/mockServiceWorker.js`);
    expect(problems).toEqual([]);
    expect(site.requested).toEqual(
      expect.arrayContaining(["/", "/users-page.js", "/mockServiceWorker.js"]),
    );
    expect(chromium.externalRequests).toEqual([]);
  });

  it("would have seen a request that left: one the worker passes through is recorded and aborted", async () => {
    const { page } = chromium;
    const control = "https://control.invalid/pixel.png";
    await page.evaluate((src) => {
      const image = document.createElement("img");
      image.src = src;
      document.body.append(image);
    }, control);
    await expect.poll(() => chromium.externalRequests, { timeout: 10_000 }).toContain(control);
  });
});
