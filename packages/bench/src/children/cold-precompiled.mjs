// Fresh process: import the precompiled validators and validate once with each of them.
const start = performance.now();
const v = await import("@experience-users/validators");
let checked = 0;
for (const table of [v.schemaValidators, v.requestValidators]) {
  for (const validator of Object.values(table)) {
    validator.is({});
    checked++;
  }
}
for (const byStatus of Object.values(v.responseValidators)) {
  for (const validator of Object.values(byStatus)) {
    validator.is({});
    checked++;
  }
}
process.stdout.write(JSON.stringify({ ms: performance.now() - start, checked }));
