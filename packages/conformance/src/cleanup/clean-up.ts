import type { JsonValue } from "@experience-users/spec";
import { prepareRequest } from "../http/prepare-request.js";
import type { Outcome, Sender } from "../http/sender.js";
import type { CleanupResult } from "../report.js";
import type { CreatedUsers } from "./created-users.js";

/** Where cleanup sends its requests. */
export interface CleanupTarget {
  readonly baseUrl: string;
  readonly applicationId: string;
  readonly token: string;
  readonly sender: Sender;
  readonly onResult?: (result: CleanupResult) => void;
}

function listedUsers(outcome: Outcome): { id: string; email: string }[] | undefined {
  if (!("status" in outcome) || outcome.status !== 200) return undefined;
  try {
    const body = JSON.parse(outcome.text) as { items?: JsonValue };
    if (!Array.isArray(body.items)) return undefined;
    return body.items.flatMap((item) =>
      typeof item === "object" &&
      item !== null &&
      !Array.isArray(item) &&
      typeof item.id === "string" &&
      typeof item.email === "string"
        ? [{ id: item.id, email: item.email }]
        : [],
    );
  } catch {
    return undefined;
  }
}

function describe(outcome: Outcome): string {
  return "status" in outcome ? `answered ${outcome.status}` : outcome.message;
}

/**
 * Deletes every user the run made and has not deleted yet; then, for every email the run gave a
 * user, lists the users with exactly that email and deletes those left (a create whose answer was
 * lost, a create the API should have refused). Only the run's users are touched: its ids, and
 * emails no one else has (they carry the run's id). An id a create answered with another email
 * is reported, never deleted.
 */
export async function cleanUp(
  users: CreatedUsers,
  target: CleanupTarget,
): Promise<CleanupResult[]> {
  const { baseUrl, applicationId, token, sender } = target;
  const results: CleanupResult[] = [];
  const report = (result: CleanupResult) => {
    results.push(result);
    target.onResult?.(result);
  };
  const remove = async (id: string, email: string) => {
    const request = prepareRequest(baseUrl, "deleteExperienceUser", {
      path: { applicationId, experienceUserId: id },
      token,
    });
    const outcome = await sender.send(request);
    users.observeDelete(id, outcome);
    const status = "status" in outcome ? { status: outcome.status } : {};
    if ("status" in outcome && outcome.status === 200)
      report({ id, email, outcome: "deleted", ...status });
    else if ("status" in outcome && outcome.status === 404)
      report({ id, email, outcome: "gone", ...status });
    else report({ id, email, outcome: "failed", ...status, detail: `delete ${describe(outcome)}` });
  };
  for (const user of users.users()) {
    if (user.gone)
      report({
        id: user.id,
        email: user.email,
        outcome: "gone",
        detail: "deleted by the scenario",
      });
    else await remove(user.id, user.email);
  }
  for (const email of users.emails()) {
    const request = prepareRequest(baseUrl, "listExperienceUsers", {
      path: { applicationId },
      query: { filterField: "email", filter: email },
      token,
    });
    const outcome = await sender.send(request);
    const listed = listedUsers(outcome);
    if (listed === undefined) {
      report({
        email,
        outcome: "failed",
        detail: `could not look for users with this email: list ${describe(outcome)}`,
      });
      continue;
    }
    for (const user of listed) {
      if (user.email.toLowerCase() !== email || users.owns(user.id)) continue;
      users.adopt(user.id, user.email);
      await remove(user.id, user.email);
    }
  }
  for (const other of users.others()) {
    report({
      ...other,
      outcome: "failed",
      detail:
        "a create answered this user, not the one sent: not deleted; delete it by hand if the run made it",
    });
  }
  return results;
}
