// Fresh process: what a user would do instead: import ajv, compile the same schemas with the
// same options at run time, and validate once with each of them.
import { createRequire } from "node:module";

const start = performance.now();
const { Ajv2020 } = await import("ajv/dist/2020.js");
const addFormats = (await import("ajv-formats")).default;
const require = createRequire(import.meta.url);
const { defs, schemas, ajvOptions } = require("@experience-users/validators/json-schemas.json");
const { code: _code, ...options } = ajvOptions;
const ajv = new Ajv2020(options);
addFormats(ajv);
ajv.addSchema(defs);
let checked = 0;
for (const schema of Object.values(schemas)) {
  ajv.compile(schema)({});
  checked++;
}
process.stdout.write(JSON.stringify({ ms: performance.now() - start, checked }));
