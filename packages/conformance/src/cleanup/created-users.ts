import { type JsonValue, valueAt } from "@experience-users/spec";
import type { Outcome } from "../http/sender.js";

function field(text: string, key: string): JsonValue | undefined {
  try {
    return valueAt(JSON.parse(text), key);
  } catch {
    return undefined;
  }
}

/**
 * The users a run made: the only ones it may patch or delete. An id is the run's when a create
 * answer carries it together with the email the run sent (or, for a stateless mock, when a create
 * answer carries it at all). Every email the run used is kept too, so that cleanup can find a
 * user whose create answer was lost.
 */
export class CreatedUsers {
  readonly #ids = new Map<string, { readonly id: string; readonly email: string; gone: boolean }>();
  readonly #emails = new Set<string>();
  readonly #others = new Map<string, { readonly id: string; readonly email?: string }>();
  readonly #trustAnyId: boolean;

  /** `trustAnyId`: a stateless mock answers its example user, not the one sent: take its id. */
  constructor(trustAnyId: boolean) {
    this.#trustAnyId = trustAnyId;
  }

  /** Notes an email the run gave a user (create or patch). */
  useEmail(email: string): void {
    this.#emails.add(email.toLowerCase());
  }

  /** Notes a create's answer; returns the id it made for the run, if any. */
  observeCreate(email: string, outcome: Outcome): string | undefined {
    this.useEmail(email);
    if (!("status" in outcome)) return undefined;
    const id = field(outcome.text, "id");
    const echoed = field(outcome.text, "email");
    const ours =
      this.#trustAnyId ||
      (typeof echoed === "string" && echoed.toLowerCase() === email.toLowerCase());
    if (typeof id !== "string") return undefined;
    if (!ours) {
      const other = typeof echoed === "string" ? { id, email: echoed } : { id };
      this.#others.set(id.toLowerCase(), other);
      return undefined;
    }
    this.#ids.set(id.toLowerCase(), { id, email, gone: false });
    return id;
  }

  /** Takes a user found by one of the run's emails as the run's (no one else has that email). */
  adopt(id: string, email: string): void {
    if (!this.#ids.has(id.toLowerCase()))
      this.#ids.set(id.toLowerCase(), { id, email, gone: false });
  }

  /** Notes a delete's answer: after a 200 or a 404 the user is gone. */
  observeDelete(id: string, outcome: Outcome): void {
    const user = this.#ids.get(id.toLowerCase());
    if (user && "status" in outcome && (outcome.status === 200 || outcome.status === 404)) {
      user.gone = true;
    }
  }

  /** True when the run made the user with this id. */
  owns(id: string): boolean {
    return this.#ids.has(id.toLowerCase());
  }

  /** True when the email is one the run gave a user. */
  usedEmail(email: string): boolean {
    return this.#emails.has(email.toLowerCase());
  }

  /** The run's users, gone or not. */
  users(): readonly { readonly id: string; readonly email: string; readonly gone: boolean }[] {
    return [...this.#ids.values()];
  }

  /**
   * Ids a create answered with another user's email: perhaps made by the run, perhaps not, so
   * never deleted (cleanup reports them).
   */
  others(): readonly { readonly id: string; readonly email?: string }[] {
    return [...this.#others.values()].filter((other) => !this.owns(other.id));
  }

  /** Every email the run gave a user. */
  emails(): readonly string[] {
    return [...this.#emails];
  }
}
