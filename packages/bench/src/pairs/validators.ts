import { hasValgrind, instructionsOf } from "../callgrind.js";
import { runChild } from "../children.js";
import type { Row, Section } from "../report.js";
import { formatNumber, formatRatio, formatSpread, summarize } from "../stats.js";

const COLD_RUNS = 80;
const STEADY_ROUNDS = 4;
const STEADY_MS = 1_000;
const STEADY_CASES = [
  ["ExperienceUser", "Experience User"],
  ["ExperienceUserPost", "Experience User Post"],
  ["AdvancedExperienceUserQuery", "nested Advanced Query"],
] as const;
/**
 * Both sides run with the same young generation. V8 starts it small and grows it only after much
 * has survived, as it does during ajv's compile at start-up: left alone, the precompiled side
 * measured that start-up, not its validators (300,000 validations of one Experience User: 1,016
 * scavenges with the precompiled validators, 267 with ajv's, a 0.93x run; both at 16 MB: 64 and 65).
 */
const STEADY_NODE_FLAGS = ["--min-semi-space-size=16", "--max-semi-space-size=16"];
/**
 * Validations per callgrind run of each sample: the cost per validation is the difference of the
 * instruction totals of the two runs over the validations between them. A Post is about a tenth of
 * the work of the others, so it runs more.
 */
const COST_COUNTS: Record<(typeof STEADY_CASES)[number][0], [number, number]> = {
  ExperienceUser: [20_000, 120_000],
  ExperienceUserPost: [100_000, 600_000],
  AdvancedExperienceUserQuery: [20_000, 120_000],
};

/**
 * Measurements of each side's cost, whose medians the row gives: V8 compiles and optimises
 * differently from process to process, so one pair of runs has been seen 40% off the rest (ajv's
 * Post at 3,615 instructions in one run, 5,830 to 5,990 in the three after it).
 */
const COST_REPEATS = 3;

interface Cold {
  ms: number;
  checked: number;
}

/** Pair 1: precompiled standalone validators vs ajv compiling the same schemas at run time. */
export async function validatorsPair(): Promise<Section> {
  const ours: number[] = [];
  const theirs: number[] = [];
  let checked = 0;
  for (let run = 0; run < COLD_RUNS; run++) {
    const order =
      run % 2 === 0
        ? ["cold-precompiled.mjs", "cold-runtime.mjs"]
        : ["cold-runtime.mjs", "cold-precompiled.mjs"];
    for (const script of order) {
      const cold = await runChild<Cold>(script, []);
      if (checked !== 0 && cold.checked !== checked)
        throw new Error(`${script} validated ${cold.checked} schemas, expected ${checked}`);
      checked = cold.checked;
      (script === "cold-precompiled.mjs" ? ours : theirs).push(cold.ms);
    }
  }
  const coldOurs = summarize(ours);
  const coldTheirs = summarize(theirs);
  const coldRatios = summarize(theirs.map((t, i) => t / (ours[i] ?? Number.NaN)));
  const rows: Row[] = [
    {
      pair: `validators: cold start (import + first validation with each of the ${checked} validators, fresh process)`,
      ours: `${coldOurs.median.toFixed(1)} ms ${formatSpread(coldOurs)}`,
      theirs: `${coldTheirs.median.toFixed(1)} ms ${formatSpread(coldTheirs)} (ajv compiles at run time)`,
      ratio: `${formatRatio(coldRatios.median)} ${formatSpread(coldRatios)}`,
      target: ">= 20x faster",
      met: coldRatios.median >= 20,
    },
  ];

  for (const [name, label] of STEADY_CASES) {
    const rates = { ours: [] as number[], runtime: [] as number[] };
    for (let round = 0; round < STEADY_ROUNDS; round++) {
      const order =
        round % 2 === 0 ? (["ours", "runtime"] as const) : (["runtime", "ours"] as const);
      for (const side of order) {
        const { perSecond } = await runChild<{ perSecond: number }>(
          "steady-validators.mjs",
          [side, name, STEADY_MS],
          120_000,
          STEADY_NODE_FLAGS,
        );
        rates[side].push(perSecond);
      }
    }
    const o = summarize(rates.ours);
    const t = summarize(rates.runtime);
    const ratios = summarize(rates.ours.map((v, i) => v / (rates.runtime[i] ?? Number.NaN)));
    rows.push({
      pair: `validators: steady state, ${label}`,
      ours: `${formatNumber(o.median)} validations/CPU-s ${formatSpread(o)}`,
      theirs: `${formatNumber(t.median)} validations/CPU-s ${formatSpread(t)}`,
      ratio: `${formatRatio(ratios.median)} ${formatSpread(ratios)}`,
      target: "no slower (>= 1.0x)",
      met: ratios.median >= 1,
    });
  }

  const valgrind = await hasValgrind();
  if (valgrind) {
    for (const [name, label] of STEADY_CASES) {
      const [few, many] = COST_COUNTS[name];
      const perValidation = async (side: "ours" | "runtime") => {
        const counts = await Promise.all(
          [few, many].map((n) =>
            instructionsOf("fixed-validations.mjs", [side, name, n], STEADY_NODE_FLAGS),
          ),
        );
        return ((counts[1] ?? 0) - (counts[0] ?? 0)) / (many - few);
      };
      const measured = { ours: [] as number[], runtime: [] as number[] };
      for (let repeat = 0; repeat < COST_REPEATS; repeat++) {
        for (const side of ["ours", "runtime"] as const)
          measured[side].push(await perValidation(side));
      }
      const ours = summarize(measured.ours);
      const runtime = summarize(measured.runtime);
      rows.push({
        pair: `validators cost: ${label} (CPU instructions per validation, callgrind)`,
        ours: `${formatNumber(ours.median)} instructions ${formatSpread(ours)}`,
        theirs: `${formatNumber(runtime.median)} instructions ${formatSpread(runtime)}`,
        ratio: formatRatio(runtime.median / ours.median),
        target: "reported",
        met: null,
      });
    }
  }

  return {
    title: "1. Validators: precompiled (standalone) vs ajv compiling at run time",
    rows,
    details: [
      `Cold start: ${COLD_RUNS} fresh Node processes per side, alternating; each measures from before the import to after one validation with every validator (schemas, requests, responses); the ratio is the median of the ratios of each pair of neighbouring runs.`,
      valgrind
        ? `Cost: each side validates the same valid sample N1 and then N2 times in fresh processes under \`valgrind --tool=callgrind\` (the steady state's 16 MB young generation; ${STEADY_CASES.map(([name, label]) => `${label} ${COST_COUNTS[name].map((n) => formatNumber(n)).join(" and ")}`).join(", ")}); a figure is the difference of the two instruction totals over N2 - N1, so start-up and compilation are left out; each side is measured ${COST_REPEATS} times and the row gives the medians (V8 optimises differently from process to process), and the ratio is ajv's median over ours (above 1: ours is cheaper). Instructions do not drift with the machine's speed as seconds do: where the timing rows land on both sides of 1.0x, this says whether the work differs.`
        : "Cost: valgrind is not installed here (`apt-get install valgrind`), so the instruction counts were not measured.",
      `Steady state: each side in a fresh process, ${STEADY_ROUNDS} alternating rounds of ${STEADY_MS} ms after a 300 ms warm-up, on valid samples, counted per second of the process's CPU time, both with a 16 MB young generation (\`${STEADY_NODE_FLAGS.join(" ")}\`); the ratio is the median of per-round ratios. Both sides compile the same schemas (\`@experience-users/validators/json-schemas.json\`) with the same ajv options (allErrors, strict, ownProperties); ours leaves out the bookkeeping Ajv2020 always compiles for \`unevaluatedProperties\`, \`unevaluatedItems\` and \`$dynamicRef\`, keywords the spec does not use (the generator refuses to run if it does), and the nested query's \`is\` (what both sides run here: the verdict) does not build the issues its \`oneOf\`s' failed branches report on the way, which ajv builds and throws away (26 per valid sample).`,
    ],
  };
}
