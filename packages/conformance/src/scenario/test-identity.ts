/** What one run creates and sends: unique, clearly marked, never reused. */
export interface TestIdentity {
  /** `20261125t101500z-3f9a1c2b7d4e`: the run's start (UTC) and 48 random bits. */
  readonly runId: string;
  /** When the run started (ISO, UTC, whole seconds). */
  readonly startedAt: string;
  /** `conformance+<runId>@example.com`: the created user's email. */
  readonly email: string;
  /** The email the user is patched to (`conformance+<runId>-patched@example.com`). */
  readonly patchedEmail: string;
  /** The email of a create the API must refuse (the body is invalid). */
  readonly refusedEmail: string;
  /** The created user's password (random; never printed). */
  readonly password: string;
  /** The password it is patched to (random; never printed). */
  readonly newPassword: string;
  /** A well-formed id no user has (random). */
  readonly unknownUserId: string;
  /** The first name every user of the run has: `Conformance`. */
  readonly firstName: string;
}

/** The first name of every user a run creates. */
const TEST_FIRST_NAME = "Conformance";

function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function wholeSeconds(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, ".000Z");
}

/** A fresh identity for a run starting at `now`. */
export function createTestIdentity(now: Date = new Date()): TestIdentity {
  const startedAt = wholeSeconds(now);
  const stamp = startedAt.replace(/[-:]|\.000/g, "").toLowerCase();
  const runId = `${stamp}-${randomHex(6)}`;
  const local = `conformance+${runId}`;
  return {
    runId,
    startedAt,
    email: `${local}@example.com`,
    patchedEmail: `${local}-patched@example.com`,
    refusedEmail: `${local}-refused@example.com`,
    password: randomHex(16),
    newPassword: randomHex(16),
    unknownUserId: randomHex(12),
    firstName: TEST_FIRST_NAME,
  };
}
