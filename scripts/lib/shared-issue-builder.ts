/** A JavaScript string literal as esbuild prints one: double, single or back quotes. */
const STRING = String.raw`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|${"`"}(?:[^${"`"}\\]|\\.)*${"`"}`;

/**
 * One issue as ajv writes it (its `addError`): the issue object, its five keys spelled out, then
 * the statements that append it to `vErrors` and count it. `instancePath` and `params` are
 * expressions, each up to the key that follows it; the statements after the object name it again
 * (`\1`), so a match cannot run into a neighbouring issue.
 */
const ISSUE = new RegExp(
  String.raw`const (err\d+) = \{\s*instancePath(?:: ([\s\S]*?))?,\s*schemaPath: (${STRING}),\s*keyword: (${STRING}),\s*params: ([\s\S]*?),\s*message: (${STRING}),?\s*\};\s*if \(vErrors === null\) \{\s*vErrors = \[\1\];\s*\} else \{\s*vErrors\.push\(\1\);\s*\}\s*errors\+\+;`,
  "g",
);

const BUILDER = "appendIssue";

/** The module's flag: while `verdictOf` runs, the builder appends a placeholder. */
const FLAG = "verdictOnly";

/** The function the module exports to run a validator for its verdict alone. */
export const VERDICT = "verdictOf";

/**
 * ajv spells out every issue it can report where it reports it: an object literal with the keys
 * `instancePath`, `schemaPath`, `keyword`, `params` and `message`, and six lines appending it to
 * the list (210 sites). This has each site hand its values to one function that builds the same
 * object, keys in the same order, and appends it; the issues are unchanged (hardening's
 * validators-equivalence test compares them with ajv's run-time compile). Measured on the
 * minified package: 97,917 against 82,263 bytes (13,910 against 13,421 gzipped); import plus a
 * first validation with each validator 13.06 against 11.68 ms, 1.079x (fresh processes,
 * alternating, median of 40 pairs); the steady state unchanged, 0.98x to 1.07x in both orders
 * (40 interleaved rounds in one process) for the valid query, Experience User and Post and an
 * invalid Post's issues, the query's `oneOf` branches reporting issues on valid values too.
 *
 * With one builder, a call that wants only the verdict need not build issues at all: the
 * module's `verdictOf(validate, data)` runs a validator with the builder appending a
 * placeholder instead (the code reads only how many issues there are, to settle `oneOf`,
 * `anyOf` and its result), then clears `validate.errors`. A valid nested query builds 26 issues
 * on its way (the failed branches of its `oneOf`s), an Experience User one.
 */
export function shareIssueBuilder(code: string): { code: string; rewritten: number } {
  for (const name of [BUILDER, VERDICT, FLAG]) {
    if (new RegExp(`\\b${name}\\b`).test(code)) {
      throw new Error(`the validators' code already uses the name ${name}`);
    }
  }
  const sites = code.match(/\bconst err\d+ = \{/g)?.length ?? 0;
  let rewritten = 0;
  const result = code.replace(
    ISSUE,
    (_, _name, instancePath: string | undefined, schemaPath, keyword, params, message) => {
      rewritten++;
      const path = instancePath ?? "instancePath";
      return `vErrors = ${BUILDER}(vErrors, ${path}, ${schemaPath}, ${keyword}, ${params}, ${message});\nerrors++;`;
    },
  );
  // An issue in another shape would be left as it is: ajv changed what it prints.
  if (rewritten === 0 || rewritten !== sites) {
    throw new Error(`rewrote ${rewritten} of ${sites} issues: ajv's output changed`);
  }
  const builder = `let ${FLAG} = false;
function ${BUILDER}(vErrors, instancePath, schemaPath, keyword, params, message) {
  const issue = ${FLAG} ? null : { instancePath, schemaPath, keyword, params, message };
  if (vErrors === null) return [issue];
  vErrors.push(issue);
  return vErrors;
}
function ${VERDICT}(validate, data) {
  ${FLAG} = true;
  try {
    return validate(data);
  } finally {
    ${FLAG} = false;
    validate.errors = null;
  }
}
`;
  return { code: `${builder}${result}`, rewritten };
}
