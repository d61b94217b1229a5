import { buildReport } from "./build-report.js";
import { cleanUp } from "./cleanup/clean-up.js";
import { CreatedUsers } from "./cleanup/created-users.js";
import type { ConformanceOptions } from "./conformance-options.js";
import { Sender } from "./http/sender.js";
import { redact } from "./redact.js";
import type { CleanupResult, ConformanceReport, StepResult } from "./report.js";
import { resolveOptions } from "./resolve-options.js";
import { runStep } from "./run-step.js";
import { scenario } from "./scenario/scenario.js";
import type { ScenarioContext } from "./scenario/step.js";
import { createTestIdentity } from "./scenario/test-identity.js";

/**
 * Runs the conformance scenario against a deployment of the Experience Users API and judges
 * every answer against the spec. Whatever happens (a failed step, a stopped run), the users it
 * created are deleted before it returns. The report holds no token and no password.
 *
 * @example
 * const report = await runConformance({ baseUrl: "https://api.losant.com", token, applicationId });
 * if (!report.conforms) console.log(report.steps.flatMap((step) => step.violations));
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const resolved = resolveOptions(options);
  const { baseUrl, token, applicationId, readOnly, stateless } = resolved;
  const sender = new Sender(resolved.sender);
  const started = new Date();
  const identity = createTestIdentity(started);
  const secrets = [token, identity.password, identity.newPassword];
  const context: ScenarioContext = { applicationId, identity, currentEmail: identity.email };
  const users = new CreatedUsers(stateless);
  const progress = options.onProgress;
  const steps = scenario();
  const results: StepResult[] = [];
  let cleanup: CleanupResult[] = [];
  try {
    for (const [index, step] of steps.entries()) {
      progress?.({ type: "step-start", index, total: steps.length, name: step.name });
      const result = await runStep(step, {
        baseUrl,
        token,
        sender,
        users,
        context,
        readOnly,
        stateless,
        secrets,
        ...(options.signal === undefined ? {} : { stop: options.signal }),
        onCreated: (id, email) => progress?.({ type: "created", id, email }),
      });
      results.push(result);
      progress?.({ type: "step-end", index, total: steps.length, result: redact(result, secrets) });
    }
  } finally {
    cleanup = await cleanUp(users, {
      baseUrl,
      applicationId,
      token,
      sender,
      onResult: (result) => progress?.({ type: "cleanup", result: redact(result, secrets) }),
    });
  }
  const report = buildReport({
    options: resolved,
    started,
    testEmail: identity.email,
    steps: results,
    cleanup,
  });
  return redact(report, secrets);
}
