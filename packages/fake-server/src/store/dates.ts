const FOUR_DIGIT_YEAR = /^\d{4}-/;

/**
 * Epoch milliseconds of a date-time string, or undefined when JavaScript cannot represent it as
 * an ISO text with a four-digit year (e.g. a leap second, or year 10000 once moved to UTC).
 */
export function toTime(text: string): number | undefined {
  const time = Date.parse(text.toUpperCase());
  if (!Number.isFinite(time)) return undefined;
  return FOUR_DIGIT_YEAR.test(new Date(time).toISOString()) ? time : undefined;
}

/** A time as the API writes dates: `2016-06-13T04:00:00.000Z`. */
export function isoText(time: number): string {
  return new Date(time).toISOString();
}

/** A validated date-time in the API's form when representable, else exactly as given. */
export function normalizeDateTime(text: string): string {
  const time = toTime(text);
  return time === undefined ? text : isoText(time);
}
