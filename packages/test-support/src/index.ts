export {
  type BrowserBundleOptions,
  type BundleBytes,
  bundleBytes,
  bundleModules,
  type ModuleBytes,
} from "./browser-bundle.js";
export { type Answer, type CallOptions, callFake, type FakeTarget } from "./call-fake.js";
export {
  launchOfflineChromium,
  type OfflineBrowser,
  type OfflineChromiumOptions,
  staysOnMachine,
} from "./offline-chromium.js";
export { descendants, isAlive, processGroup } from "./process-tree.js";
export { publishedIssues, publishedSchema } from "./published-schemas.js";
export {
  type OutputStream,
  type RunCommandOptions,
  type RunningCommand,
  runCommand,
} from "./run-command.js";
export { type SiteFile, type StaticSite, serveStaticSite } from "./static-site.js";
export { trackedFakes } from "./tracked-fakes.js";
