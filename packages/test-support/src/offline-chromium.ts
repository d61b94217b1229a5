import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's Chromium, which `.ci/run` installs; playwright-core downloads no browser. */
const CHROMIUM = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Options of {@link launchOfflineChromium}. */
export interface OfflineChromiumOptions {
  /** @default "/usr/bin/chromium" */
  executablePath?: string;
  /** Whether pages may register service workers (MSW's needs to). @default "block" */
  serviceWorkers?: "allow" | "block";
  /**
   * Playwright's default timeout for actions and navigations, in ms. Generous: under `npm test`
   * every package's suite shares two cores, and a page load has been seen to take over 10 s.
   * @default 60_000
   */
  timeout?: number;
}

/** A headless Chromium page that lets nothing leave the machine, and says what tried to. */
export interface OfflineBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** URLs of the requests (and WebSockets) that tried to leave 127.0.0.1; each was aborted. */
  readonly externalRequests: readonly string[];
  /** URLs the page's own Content Security Policy refused to load (never sent). */
  readonly refusedByPolicy: readonly string[];
  close(): Promise<void>;
}

/** True for the URLs a page may load without the network: 127.0.0.1, data: and blob:. */
export function staysOnMachine(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || hostname === "127.0.0.1";
}

/**
 * Launches Chromium (`/usr/bin/chromium` unless told otherwise) headless with a fresh profile.
 * Every request is routed, those a service worker makes too (Playwright routes them in
 * Chromium): those that stay on the machine continue, every other one is recorded and aborted.
 * Throws (never skips) when the browser is not installed.
 */
export async function launchOfflineChromium({
  executablePath = CHROMIUM,
  serviceWorkers = "block",
  timeout = 60_000,
}: OfflineChromiumOptions = {}): Promise<OfflineBrowser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `${executablePath} is missing: the browser tests need Debian's Chromium. ` +
        "Run `.ci/run`, or `apt-get install chromium`.",
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "offline-chromium-"));
  const externalRequests: string[] = [];
  const refusedByPolicy: string[] = [];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 1000 },
      serviceWorkers,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(timeout);
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (staysOnMachine(url)) return route.continue();
    externalRequests.push(url);
    return route.abort("blockedbyclient");
  });
  await context.exposeFunction("__refusedByPolicy", (url: string) => refusedByPolicy.push(url));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __refusedByPolicy(url: string): void }).__refusedByPolicy(
        event.blockedURI,
      );
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("websocket", (socket) => {
    if (!staysOnMachine(socket.url().replace(/^ws/, "http"))) externalRequests.push(socket.url());
  });
  return {
    context,
    page,
    externalRequests,
    refusedByPolicy,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
