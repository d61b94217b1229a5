import type { GlobStats } from "./glob.js";

const WILD = "?";

type Matcher = (text: string, stats: GlobStats | undefined) => boolean;

/**
 * A run of literals and `?` between stars: its literal runs (`pieces`, one `?` between each two),
 * and its leading literals.
 */
interface Segment {
  readonly pieces: readonly string[];
  readonly wild: boolean;
  readonly lead: string;
}

function segmentOf(text: string): Segment {
  const pieces = text.split(WILD);
  return { pieces, wild: pieces.length > 1, lead: pieces[0] as string };
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The width in code units of the character starting at `at` (2 for a surrogate pair). */
function widthAt(text: string, at: number): number {
  return isHigh(text.charCodeAt(at)) && isLow(text.charCodeAt(at + 1)) ? 2 : 1;
}

/** The width in code units of the character ending at `end`. */
function widthBefore(text: string, end: number): number {
  return isLow(text.charCodeAt(end - 1)) && isHigh(text.charCodeAt(end - 2)) ? 2 : 1;
}

/** Where `segment` matched from `at` ends, or -1. */
function matchAt(text: string, at: number, { pieces }: Segment, stats?: GlobStats): number {
  let p = at;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    if (i > 0) {
      if (stats) stats.steps++;
      if (p >= text.length) return -1;
      p += widthAt(text, p);
    }
    if (stats) stats.steps += piece.length;
    if (!text.startsWith(piece, p)) return -1;
    p += piece.length;
  }
  return p;
}

/** Where `segment` starts when it is matched so as to end the text, or -1. */
function matchEnd(text: string, { pieces }: Segment, stats?: GlobStats): number {
  let p = text.length;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i] as string;
    if (stats) stats.steps += piece.length;
    if (!text.endsWith(piece, p)) return -1;
    p -= piece.length;
    if (i > 0) {
      if (stats) stats.steps++;
      if (p <= 0) return -1;
      p -= widthBefore(text, p);
    }
  }
  return p;
}

/** Where the leftmost match of `segment` at or after `from` ends, if it ends by `limit`; or -1. */
function findFrom(
  text: string,
  from: number,
  limit: number,
  segment: Segment,
  stats: GlobStats | undefined,
): number {
  const { lead, wild } = segment;
  let q = from;
  while (q < text.length) {
    if (lead !== "") {
      const found = text.indexOf(lead, q);
      if (stats) stats.steps += (found < 0 ? text.length : found + lead.length) - q;
      if (found < 0) return -1;
      q = found;
    }
    const end = wild ? matchAt(text, q, segment, stats) : q + lead.length;
    if (end >= 0) return end <= limit ? end : -1;
    q += widthAt(text, q);
  }
  return -1;
}

/**
 * The glob matcher for a lowercased pattern without surrogates: the pattern split at its stars
 * into segments of literals and `?`; the first must start the value, the last end it, and each
 * one between is found leftmost after the one before (a leftmost match leaves the most room, so
 * there is no backtracking). Literal runs are found with the engine's startsWith, endsWith and
 * indexOf. At most O(|pattern| x |value|) steps, as the two-pointer matcher; measured faster per
 * email than it over 100,000 emails: 2.2x for `user*5*@example?.com`, 13x for `*@example7.com`.
 */
export function segmentMatcher(pattern: string): Matcher {
  const parts = pattern.split("*");
  const first = segmentOf(parts[0] as string);
  if (parts.length === 1) {
    return (text, stats) => matchAt(text, 0, first, stats) === text.length;
  }
  const last = segmentOf(parts[parts.length - 1] as string);
  const middle = parts
    .slice(1, -1)
    .filter((part) => part !== "")
    .map(segmentOf);
  return (text, stats) => {
    let p = matchAt(text, 0, first, stats);
    if (p < 0) return false;
    const tail = matchEnd(text, last, stats);
    if (tail < p) return false;
    for (const segment of middle) {
      p = findFrom(text, p, tail, segment, stats);
      if (p < 0) return false;
    }
    return true;
  };
}
