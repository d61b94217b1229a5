// Fresh process: exactly N validations of one valid sample with one side's validator, then exit.
// Run under callgrind twice with different N, the difference of the instruction counts is the
// cost of the extra validations, start-up and compilation excluded.
import { samples, validatorOf } from "./validator-samples.mjs";

const [side, name, total] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const validate = await validatorOf(side, name);
const data = samples[name];
let valid = 0;
for (let i = 0; i < total; i++) if (validate(data)) valid++;
if (valid !== total) throw new Error(`${name} sample is not valid`);
