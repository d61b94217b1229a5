export { freePort } from "./free-port.js";
export { createGuard, type GuardOptions } from "./guard/create-guard.js";
export { type MatchedOperation, matchOperation } from "./guard/match-operation.js";
export {
  DEFAULT_HOST,
  DEFAULT_PORT,
  type PrismCommandOptions,
  prismArguments,
  prismEntryScript,
  SPEC_FILE,
} from "./prism-command.js";
export { type RunningMock, type ServeMockOptions, serveMock } from "./serve-mock.js";
export {
  describeExit,
  type PrismExit,
  type RunningPrism,
  type StartPrismOptions,
  startPrism,
} from "./start-prism.js";
export { isListening, waitUntilListening } from "./wait-until-listening.js";
