import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { schemaValidators } from "@experience-users/validators";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { Bench } from "tinybench";
import type { Section } from "../report.js";
import { formatNumber, formatRatio, formatSpread, summarize } from "../stats.js";

const children = fileURLToPath(new URL("../children/", import.meta.url));
const COLD_RUNS = 12;

interface JsonSchemas {
  defs: object;
  schemas: Record<string, object>;
  ajvOptions: Record<string, unknown>;
}

const user = {
  id: "58b9d782cbfafe1be675744d",
  experienceUserId: "58b9d782cbfafe1be675744d",
  applicationId: "575ec8687ae143cd83dc4a97",
  creationDate: "2016-06-13T04:00:00.000Z",
  lastUpdated: "2016-06-13T04:00:00.000Z",
  passwordLastUpdated: "2016-06-13T04:00:00.000Z",
  lastLogin: "2016-06-13T04:00:00.000Z",
  email: "experienceuser@example.com",
  firstName: "Example",
  lastName: "Name",
  avatarUrl: "https://example.avatar.url/is_here.png",
  userTags: { customKey: "customValue" },
  experienceGroups: [{ id: "575ec8687ae143cd83dc4a97", name: "Team", parentId: null }],
};
const post = {
  email: "experienceuser@example.com",
  firstName: "Example",
  lastName: "Name",
  password: "aUserPassword",
  userTags: { customKey: "customValue" },
};
const query = {
  $and: [
    {
      $or: [
        { email: { $endsWith: "@example.com", $ci: true } },
        { firstName: { $in: ["Ada", "Bob"] } },
      ],
    },
    { $nor: [{ userTags: { $tagKey: "banned" } }] },
    { creationDate: { $gte: "2020-01-01T00:00:00.000Z" }, experienceGroupId: { $ne: null } },
    { userTags: { team: { $in: ["blue", "red"] } } },
  ],
};

let validatorCount = 0;

function coldStart(script: string): number[] {
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const out = execFileSync(process.execPath, [`${children}${script}`], {
      cwd: children,
      encoding: "utf8",
      timeout: 60_000,
    });
    const { ms, checked } = JSON.parse(out) as { ms: number; checked: number };
    if (validatorCount !== 0 && checked !== validatorCount)
      throw new Error(`${script} validated ${checked} schemas, expected ${validatorCount}`);
    validatorCount = checked;
    times.push(ms);
  }
  return times;
}

/** Pair 1: precompiled standalone validators vs ajv compiling the same schemas at run time. */
export async function validatorsPair(): Promise<Section> {
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < 2; round++) {
    ours.push(...coldStart("cold-precompiled.mjs").slice(round === 0 ? 1 : 0));
    theirs.push(...coldStart("cold-runtime.mjs").slice(round === 0 ? 1 : 0));
  }
  const coldOurs = summarize(ours);
  const coldTheirs = summarize(theirs);
  const coldRatio = coldTheirs.median / coldOurs.median;

  const { defs, schemas, ajvOptions } = createRequire(import.meta.url)(
    "@experience-users/validators/json-schemas.json",
  ) as JsonSchemas;
  const { code: _code, ...options } = ajvOptions;
  const ajv = new Ajv2020(options);
  (addFormatsModule as unknown as { default: (a: Ajv2020) => void }).default(ajv);
  ajv.addSchema(defs);
  const runtime = (name: string) => ajv.compile(schemas[`schema_${name}`] as object);
  const cases = [
    {
      name: "Experience User",
      data: user,
      ours: schemaValidators.ExperienceUser.is,
      theirs: runtime("ExperienceUser"),
    },
    {
      name: "Experience User Post",
      data: post,
      ours: schemaValidators.ExperienceUserPost.is,
      theirs: runtime("ExperienceUserPost"),
    },
    {
      name: "nested Advanced Query",
      data: query,
      ours: schemaValidators.AdvancedExperienceUserQuery.is,
      theirs: runtime("AdvancedExperienceUserQuery"),
    },
  ];
  const rows: Section["rows"] = [
    {
      pair: `validators: cold start (import + first validation with each of the ${validatorCount} validators, fresh process)`,
      ours: `${coldOurs.median.toFixed(1)} ms ${formatSpread(coldOurs)}`,
      theirs: `${coldTheirs.median.toFixed(1)} ms ${formatSpread(coldTheirs)} (ajv compiles at run time)`,
      ratio: formatRatio(coldRatio),
      target: ">= 20x faster",
      met: coldRatio >= 20,
    },
  ];
  for (const c of cases) {
    if (!c.ours(c.data) || !c.theirs(c.data)) throw new Error(`${c.name} sample is not valid`);
    const bench = new Bench({ time: 1_000, warmupTime: 300 });
    bench.add("ours", () => c.ours(c.data));
    bench.add("theirs", () => c.theirs(c.data));
    // Two passes in opposite order, so neither side always runs on a warmer machine.
    const hz: Record<string, number[]> = { ours: [], theirs: [] };
    for (let pass = 0; pass < 2; pass++) {
      await bench.run();
      for (const task of bench.tasks) {
        const result = task.result;
        if (result.state !== "completed")
          throw new Error(`${c.name}: ${task.name} did not complete`);
        hz[task.name]?.push(result.throughput.mean);
      }
      bench.tasks.reverse();
    }
    const o = summarize(hz.ours ?? []);
    const t = summarize(hz.theirs ?? []);
    const ratio = o.median / t.median;
    rows.push({
      pair: `validators: steady state, ${c.name}`,
      ours: `${formatNumber(o.median)} ops/s ${formatSpread(o)}`,
      theirs: `${formatNumber(t.median)} ops/s ${formatSpread(t)}`,
      ratio: formatRatio(ratio),
      target: "no slower (>= 0.95x)",
      met: ratio >= 0.95,
    });
  }
  return {
    title: "1. Validators: precompiled (standalone) vs ajv compiling at run time",
    rows,
    details: [
      `Cold start: ${ours.length} + ${theirs.length} fresh Node processes, alternating batches; each measures from before the import to after one validation with every validator (schemas, requests, responses).`,
      "Steady state: tinybench, 1 s per task after 300 ms warm-up, two passes in opposite order; both sides use the same schemas and ajv options (allErrors, strict, ownProperties).",
    ],
  };
}
