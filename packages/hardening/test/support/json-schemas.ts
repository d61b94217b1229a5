import { createRequire } from "node:module";

type Schema = Record<string, unknown>;

/** The JSON Schemas the validators were compiled from (`@experience-users/validators/json-schemas.json`). */
export const jsonSchemas = createRequire(import.meta.url)(
  "@experience-users/validators/json-schemas.json",
) as {
  /** The spec's component schemas, under `$defs`; the other schemas refer to them by `$id`. */
  defs: { $id: string; $defs: Record<string, Schema> };
  /** One schema per validator, by export name (`request_listExperienceUsers`, ...). */
  schemas: Record<string, Schema>;
};
