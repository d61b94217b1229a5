/**
 * One top-level generated function in esbuild's printed output: `function validateN(...) {` at
 * the start of a line, up to the first `}` alone at the start of a line (esbuild indents every
 * nested block), and the `validateN.evaluated = ...;` statement ajv puts after it, if any, on one
 * line or, when esbuild breaks the object, up to its `};` at the start of a line.
 */
const FUNCTION =
  /^function (validate\d+)\([\s\S]*?^}\n(?:\1\.evaluated = (?:\{\n[\s\S]*?^\};|.*;)\n)?/gm;

function sameBut(name: string, text: string): string {
  return text.replace(new RegExp(`\\b${name}\\b`, "g"), "\u0000self");
}

/**
 * ajv compiles a schema once per way it is reached (a component on its own, and again inside the
 * recursive query's compile; the get and delete requests are the same schema), so its standalone
 * output repeats functions: 17 of 51, 50 kB of 236 kB. This keeps the first of every set of
 * top-level `validateN` functions that are the same text but for their own name (their
 * `.evaluated` line included), points every use of the others at it, and repeats until nothing
 * changes (merging callees can make their callers the same). The names are ajv's generated
 * identifiers, which no string in the code contains.
 */
export function mergeDuplicateFunctions(code: string): { code: string; merged: string[] } {
  const merged: string[] = [];
  let current = code;
  for (;;) {
    const firstBySource = new Map<string, string>();
    const renames = new Map<string, string>();
    for (const match of current.matchAll(FUNCTION)) {
      const [text, name] = match as unknown as [string, string];
      const key = sameBut(name, text);
      const first = firstBySource.get(key);
      if (first === undefined) firstBySource.set(key, name);
      else renames.set(name, first);
    }
    if (renames.size === 0) return { code: current, merged };
    current = current.replace(FUNCTION, (text, name: string) => (renames.has(name) ? "" : text));
    current = current.replace(/\bvalidate\d+\b/g, (name) => renames.get(name) ?? name);
    for (const [name, first] of renames) merged.push(`${name} -> ${first}`);
  }
}
