export { type Answer, type CallOptions, callFake, type FakeTarget } from "./call-fake.js";
export { descendants, isAlive, processGroup } from "./process-tree.js";
export {
  type OutputStream,
  type RunCommandOptions,
  type RunningCommand,
  runCommand,
} from "./run-command.js";
export { trackedFakes } from "./tracked-fakes.js";
