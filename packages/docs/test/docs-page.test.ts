import { once } from "node:events";
import { existsSync, mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import {
  launchOfflineChromium,
  type OfflineBrowser,
  staysOnMachine,
} from "@experience-users/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocsServer, PAGE_FILE } from "../src/docs-server.js";
import {
  missingTexts,
  openOperation,
  openSidebarEntry,
  showSample,
  wholeText,
} from "./support/redoc-page.js";
import { readSpecOutline, type SchemaOutline } from "./support/spec-outline.js";

const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const spec = readSpecOutline();
const advancedQuery = spec.schema("AdvancedExperienceUserQuery");
const queryList = spec.schema("AdvancedExperienceUserQueryList");
const GUIDE = spec.tag("Advanced Query Guide");
const SCHEMAS = spec.tag("Schemas");

/** The labels of the sample panel: every code sample's, then Redoc's JSON payload. */
const PAYLOAD = "Payload";
const sampleLabels = [
  ...new Set(spec.operations.flatMap((o) => o.codeSamples.map((sample) => sample.label))),
  PAYLOAD,
];

/**
 * The guide's `## ` sections: each heading, the code of its fenced blocks and the operators it
 * names. Redoc renders the sections near the one shown, so each is opened from the sidebar.
 */
const guideSections = GUIDE.description
  .split(/^## /m)
  .slice(1)
  .map((text) => ({
    heading: text.slice(0, text.indexOf("\n")),
    blocks: [...text.matchAll(/^```\w+\n([\s\S]*?)^```$/gm)].map((m) => (m[1] as string).trim()),
    operators: [...new Set(text.match(/`\$[a-zA-Z]+`/g) ?? [])].map((m) => m.slice(1, -1)),
  }));

/** The schemas the Schemas tag embeds (`{% schemaDefinition schemaRef=... /%}`), in its order. */
const embeddedSchemas = [
  ...SCHEMAS.description.matchAll(/schemaRef="#\/components\/schemas\/([^"]+)"/g),
].map((m) => m[1] as string);

/**
 * What the page's Content Security Policy is meant to refuse, and why (nothing refused is sent).
 * Anything else it refuses fails the test: a new Redoc may need the network, or break offline.
 */
const EXPECTED_REFUSALS: Record<string, string> = {
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg": "Redoc 3's 'API docs by Redocly' sidebar logo",
  "https://cdn.redoc.ly/redoc/logo-mini.svg": "the same logo, collapsed sidebar",
  eval: "Redoc's search probes Function() for a worker index, then indexes on the main thread",
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** How Redoc prints a string property's `minLength`..`maxLength`, for those that have both. */
function lengthLimits(schema: SchemaOutline): RegExp[] {
  return Object.values(schema.properties)
    .filter((p) => typeof p.minLength === "number" && typeof p.maxLength === "number")
    .map((p) => new RegExp(`\\[ ${p.minLength} \\.\\. ${p.maxLength} \\] characters$`));
}

let server: Server;
let browser: OfflineBrowser;

beforeAll(async () => {
  if (!existsSync(PAGE_FILE)) {
    throw new Error(`${PAGE_FILE} is missing: build it with \`npm run docs\``);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  server = createDocsServer(PAGE_FILE).listen(0, "127.0.0.1");
  await once(server, "listening");
  browser = await launchOfflineChromium();
  const { port } = server.address() as AddressInfo;
  await browser.page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "load" });
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

describe("the docs page, offline in headless Chromium", () => {
  it("shows the API's title and version", async () => {
    const heading = browser.page.getByRole("heading", { name: `${spec.title} (${spec.version})` });
    await heading.waitFor({ state: "visible" });
    expect(await browser.page.title()).toBe(spec.title);
  });

  it.each(spec.operations)(
    "$operationId: its page shows the summary, every scope and parameter, the body's example and limits",
    async (operation) => {
      const section = await openOperation(browser.page, operation);
      if (operation.requestBody) await showSample(section, PAYLOAD, sampleLabels);
      expect(await missingTexts(section, operation.scopes), "scopes not shown").toEqual([]);
      expect(await missingTexts(section, operation.parameters), "parameters not shown").toEqual([]);
      const body = operation.requestBody;
      const example = Object.values(body?.example ?? {}).filter((v) => typeof v === "string");
      const exampleTokens = example.map((value) => JSON.stringify(value));
      expect(await missingTexts(section, exampleTokens), "example values not shown").toEqual([]);
      const limits = body ? lengthLimits(spec.schema(body.schema)) : [];
      expect(await missingTexts(section, limits), "length limits not shown").toEqual([]);
      await browser.page.screenshot({ path: `${ARTIFACTS}${operation.operationId}.png` });
    },
  );

  it("the Advanced Experience User Query schema is rendered with its properties and limits", async () => {
    const list = spec.operations.find((operation) => operation.parameters.includes("query"));
    if (!list) throw new Error("no operation takes the advanced `query` parameter");
    const section = await openOperation(browser.page, list);
    const title = section.getByText(`(${advancedQuery.title})`, { exact: true }).first();
    await title.waitFor({ state: "visible" });
    const properties = Object.keys(advancedQuery.properties);
    await section.getByRole("button", { name: `Show ${properties.length} properties` }).click();
    expect(await missingTexts(section, properties), "properties not shown").toEqual([]);
    const nested = [`(${queryList.title})`, new RegExp(`<= ${queryList.maxItems} items$`)];
    expect(await missingTexts(section, nested), "nested query lists not shown").toEqual([]);
    await title.scrollIntoViewIfNeeded();
    await browser.page.screenshot({ path: `${ARTIFACTS}docs-page.png` });
  });

  it.each(spec.operations)(
    "$operationId: the sample panel shows each language's code (curl, TypeScript, losant-rest, Python)",
    async (operation) => {
      expect(operation.codeSamples.map((sample) => sample.label)).toEqual(sampleLabels.slice(0, 4));
      const section = await openOperation(browser.page, operation);
      for (const sample of operation.codeSamples) {
        const shown = await showSample(section, sample.label, sampleLabels);
        expect(shown.trim(), `${sample.label} sample`).toBe(sample.source.trim());
      }
      await browser.page.screenshot({ path: `${ARTIFACTS}${operation.operationId}-samples.png` });
    },
  );

  it("the Advanced Query Guide opens from the sidebar with its introduction", async () => {
    expect(guideSections.length).toBeGreaterThanOrEqual(8);
    const intro = await openSidebarEntry(browser.page, GUIDE.name, GUIDE.name);
    const override = "overrides the other filter parameters";
    expect(GUIDE.description.replace(/\s+/g, " ")).toContain(override);
    expect(await missingTexts(intro, [override]), "the override rule").toEqual([]);
  });

  it.each(guideSections)(
    "the Advanced Query Guide's $heading section shows its examples and operators as text",
    async (section) => {
      const shown = await openSidebarEntry(browser.page, GUIDE.name, section.heading);
      const code = (await shown.locator("pre").allTextContents()).map((text) => text.trim());
      expect(
        section.blocks.filter((block) => !code.includes(block)),
        "examples",
      ).toEqual([]);
      expect(await missingTexts(shown, section.operators), "operators").toEqual([]);
      await browser.page.screenshot({ path: `${ARTIFACTS}guide-${section.heading}.png` });
    },
  );

  it("the Schemas section lists the seven schemas of Losant's reference, in its order", () => {
    expect(embeddedSchemas.map((name) => spec.schema(name).title)).toEqual([
      "Advanced Experience User Query",
      "Error",
      "Experience User",
      "Experience User Patch",
      "Experience User Post",
      "Experience Users",
      "Success",
    ]);
  });

  it.each(embeddedSchemas)(
    "the %s schema is reachable from the sidebar and shows its description and properties",
    async (name) => {
      const schema = spec.schema(name);
      await openSidebarEntry(browser.page, SCHEMAS.name, schema.title);
      const section = browser.page
        .locator("[data-section-id]")
        .filter({
          has: browser.page.getByRole("heading").filter({ hasText: wholeText(schema.title) }),
        })
        .last();
      const [firstLine] = schema.description.split("\n");
      const texts = [new RegExp(escapeRegExp(firstLine ?? "")), ...Object.keys(schema.properties)];
      expect(await missingTexts(section, texts), `${schema.title} not shown`).toEqual([]);
      await browser.page.screenshot({ path: `${ARTIFACTS}schema-${name}.png` });
    },
  );

  it("no request tried to leave the machine, and the page's policy refused only what it expects", () => {
    expect(browser.externalRequests).toEqual([]);
    expect(browser.refusedByPolicy.filter((url) => !(url in EXPECTED_REFUSALS))).toEqual([]);
  });
});

describe("the browser the test drives", () => {
  it("is required: without it the test fails and says how to install it (it never skips)", async () => {
    await expect(
      launchOfflineChromium({ executablePath: "/nonexistent/chromium" }),
    ).rejects.toThrow(
      /\/nonexistent\/chromium is missing[\s\S]*Run `\.ci\/run`, or `apt-get install chromium`/,
    );
  });

  it("only lets 127.0.0.1, data: and blob: URLs through", () => {
    const urls = ["http://127.0.0.1:4011/", "data:image/png;base64,", "blob:http://127.0.0.1/x"];
    expect(urls.filter(staysOnMachine)).toEqual(urls);
    const away = ["https://cdn.redoc.ly/x.svg", "http://localhost:4011/", "http://10.0.0.1/"];
    expect(away.filter(staysOnMachine)).toEqual([]);
  });
});
