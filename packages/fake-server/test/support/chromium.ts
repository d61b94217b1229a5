import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium, which `.ci/run` installs; playwright-core downloads no browser. */
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** A headless Chromium context whose requests may reach 127.0.0.1 only. */
export interface LocalOnlyChromium {
  readonly context: BrowserContext;
  /** Every request (from pages or service workers) for another host: each was aborted. */
  readonly offMachine: readonly string[];
  close(): Promise<void>;
}

/**
 * Launches Chromium with service workers allowed. Every request is routed, those a service worker
 * makes too (Playwright routes them in Chromium): 127.0.0.1 continues, anything else is recorded
 * and aborted. Throws (never skips) when the browser is missing.
 */
export async function launchLocalOnlyChromium(): Promise<LocalOnlyChromium> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`.ci/run\`, or \`apt-get install chromium\``);
  }
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const offMachine: string[] = [];
  try {
    const context = await browser.newContext({ serviceWorkers: "allow" });
    context.setDefaultTimeout(15_000);
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (new URL(url).hostname === "127.0.0.1") return route.continue();
      offMachine.push(url);
      return route.abort("blockedbyclient");
    });
    return { context, offMachine, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
