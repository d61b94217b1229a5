import { segmentMatcher } from "./glob-segments.js";

const STAR = 0x2a;
const QUESTION = 0x3f;
const SURROGATE = /[\ud800-\udfff]/;

/** Counts the matcher's steps, for tests that check its work stays bounded. */
export interface GlobStats {
  steps: number;
}

function codePoints(text: string): number[] {
  return Array.from(text, (char) => char.codePointAt(0) ?? 0);
}

/**
 * Whether `value` matches the glob `pattern`, case-insensitively: `*` matches any run of
 * characters (none included), `?` exactly one character, every other character itself (regex
 * metacharacters included: there is no escaping and no character class).
 *
 * Why not picomatch or minimatch: both compile the pattern into a RegExp, so user input would
 * decide the regex the engine runs. This is the two-pointer matcher that, on a mismatch, only
 * ever backtracks to the most recent `*`: no regex, no recursion, at most
 * O(|pattern| x |value|) steps (linear in the value for a given pattern), never exponential.
 * A pattern without astral characters runs as segments between its stars (glob-segments.ts).
 */
export function matchGlob(pattern: string, value: string, stats?: GlobStats): boolean {
  return compileGlob(pattern)(value, stats);
}

/**
 * {@link matchGlob} with the pattern prepared once, for testing many values; with
 * `lowerCaseValues`, values must already be lowercased (`toLowerCase()`), saving that per value.
 */
export function compileGlob(
  pattern: string,
  options: { lowerCaseValues?: boolean } = {},
): (value: string, stats?: GlobStats) => boolean {
  const lowered = pattern.toLowerCase();
  const wanted = codePoints(lowered);
  const test = SURROGATE.test(lowered)
    ? (text: string, stats?: GlobStats) => run(wanted, text, stats)
    : segmentMatcher(lowered);
  return options.lowerCaseValues ? test : (value, stats) => test(value.toLowerCase(), stats);
}

function run(wanted: readonly number[], text: string, stats: GlobStats | undefined): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  let steps = 0;
  while (v < text.length) {
    steps++;
    const char = text.codePointAt(v) ?? 0;
    const width = char > 0xffff ? 2 : 1;
    const want = wanted[p];
    if (want === QUESTION || (want === char && want !== STAR)) {
      p++;
      v += width;
    } else if (want === STAR) {
      star = p++;
      resume = v;
    } else if (star >= 0) {
      p = star + 1;
      resume += (text.codePointAt(resume) ?? 0) > 0xffff ? 2 : 1;
      v = resume;
    } else {
      break;
    }
  }
  while (wanted[p] === STAR) {
    steps++;
    p++;
  }
  if (stats) stats.steps += steps;
  return v >= text.length && p === wanted.length;
}
