import { readSteps } from "./read-steps.js";
import type { StepDefinition } from "./step.js";
import { writeSteps } from "./write-steps.js";

/**
 * The whole scenario, in order: what only reads (lists with each query parameter, gets, the
 * errors of reads), then the life of one test user (create, get, patch each kind of field, lists
 * that must find it and must not, errors, delete, get after delete).
 */
export function scenario(): StepDefinition[] {
  return [...readSteps(), ...writeSteps()];
}
