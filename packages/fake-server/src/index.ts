export { parsePort, portOption } from "./cli-options.js";
export { CliUsageError } from "./cli-usage-error.js";
export {
  DEFAULT_BODY_LIMIT,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEV_TOKEN,
  EXAMPLE_APPLICATION_ID,
  IN_PROCESS_BASE_URL,
} from "./constants.js";
export {
  createFakeServer,
  type FakeServer,
  type FakeServerOptions,
} from "./create-fake-server.js";
export type {
  FakeFixture,
  FixtureApplication,
  FixtureGroup,
  FixtureToken,
  FixtureUser,
} from "./fixture/fixture.js";
export { FixtureError } from "./fixture/fixture-error.js";
export { parseFixture } from "./fixture/parse-fixture.js";
export type { FakeFault } from "./http/responder.js";
export { compileGlob, type GlobStats, matchGlob } from "./list/glob.js";
export {
  type ServedFakeServer,
  type ServeFakeServerOptions,
  serveFakeServer,
} from "./serve-fake-server.js";
export type {
  ApplicationInput,
  FakeApplicationInfo,
  FakeGroupInfo,
  FakeStoreView,
  GroupInput,
} from "./store/fake-store.js";
