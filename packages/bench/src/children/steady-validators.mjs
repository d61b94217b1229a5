// Fresh process: validations per CPU second of one schema, with the precompiled validators ("ours")
// or with ajv compiling the same schema at run time ("runtime"), after a warm-up.
import { samples, validatorOf } from "./validator-samples.mjs";

const [side, name, ms] = [process.argv[2], process.argv[3], Number(process.argv[4])];

const validate = await validatorOf(side, name);
const data = samples[name];
if (!validate(data)) throw new Error(`${name} sample is not valid`);
const run = (until) => {
  let n = 0;
  while (performance.now() < until) {
    for (let i = 0; i < 1000; i++) validate(data);
    n += 1000;
  }
  return n;
};
run(performance.now() + 300);
// CPU time of this process (its GC threads included), not wall time: on a shared machine the
// wall clock also counts the time other processes hold the core.
const cpu = process.cpuUsage();
const n = run(performance.now() + ms);
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ perSecond: (n * 1e6) / (user + system) }));
