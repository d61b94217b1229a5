/**
 * The function formats the generated validators call at run time (ajv's `code.formats` points at
 * this object): `date-time` and `uri`, with ajv-formats' verdicts. Formats that are regular
 * expressions (`email`) are printed into the generated code as literals. The generator refuses to
 * run if its code reads a format this object lacks.
 */
import { isDateTime } from "./date-time-format.ts";
import { isUri } from "./uri-format.ts";

export const formats = {
  "date-time": { validate: isDateTime },
  uri: isUri,
};
