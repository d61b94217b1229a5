/**
 * The wait a `Retry-After` header asks for, in milliseconds from `now`: delta-seconds (`120`) or
 * an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`). Capped at `max`; `undefined` when the header
 * is absent or unreadable.
 */
export function retryAfterDelay(
  header: string | null,
  max: number,
  now: number = Date.now(),
): number | undefined {
  const text = header?.trim() ?? "";
  if (text === "") return undefined;
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  const asked = /^\d+$/.test(text) ? Number(text) * 1000 : date - now;
  return Number.isNaN(asked) ? undefined : Math.min(max, Math.max(0, asked));
}
