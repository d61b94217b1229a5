/**
 * ajv checks `minLength` and `maxLength` in code points: `ucs2length(data) > 1024`, a walk over
 * every UTF-16 unit of the string, for each keyword (a password is walked twice). A string of
 * `length` units has between ceil(length / 2) and `length` code points, so `length` alone settles
 * most checks: `ucs2length(s) > max` only when `s.length > max`, and `ucs2length(s) < min` only
 * when `s.length < 2 * min`. This puts that test in front of each walk, the verdict unchanged.
 * Measured with callgrind on the shipped Experience User Post validator (a 16 MB young
 * generation, calls 100,000 to 600,000): 5,857 instructions per validation before, 3,773 after.
 */
export function shortcutLengthChecks(code: string): { code: string; rewritten: number } {
  const binding = /\bvar (func\d+) = require_ucs2length\(\)\.default;/.exec(code)?.[1];
  if (binding === undefined) return { code, rewritten: 0 };
  const calls = code.split(`${binding}(`).length - 1;
  let rewritten = 0;
  const result = code.replace(
    new RegExp(`\\b${binding}\\((data\\d*)\\) ([<>]) (\\d+)\\b`, "g"),
    (_, data: string, op: string, limit: string) => {
      rewritten++;
      const bound = op === ">" ? `${data}.length > ${limit}` : `${data}.length < ${2 * +limit}`;
      return `(${bound} && ${binding}(${data}) ${op} ${limit})`;
    },
  );
  // A use of ucs2length in another shape would keep its walk: ajv changed what it prints.
  if (rewritten !== calls) {
    throw new Error(`rewrote ${rewritten} of ${calls} ucs2length calls: ajv's output changed`);
  }
  return { code: result, rewritten };
}
