// What a user would do instead of the precompiled validators: import ajv and ajv-formats and
// register the same schemas with the same options at run time. The imports happen inside the
// call, so a cold-start measurement around it includes them.
import { createRequire } from "node:module";

export async function runtimeAjv() {
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const addFormats = (await import("ajv-formats")).default;
  const { defs, schemas, ajvOptions } = createRequire(import.meta.url)(
    "@experience-users/validators/json-schemas.json",
  );
  const { code: _code, ...options } = ajvOptions;
  const ajv = new Ajv2020(options);
  addFormats(ajv);
  ajv.addSchema(defs);
  return { ajv, schemas };
}
