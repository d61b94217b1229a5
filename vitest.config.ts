import { defineConfig } from "vitest/config";

// Editors and `npx vitest` see every package; `npm test` runs each package through turbo.
export default defineConfig({
  test: { projects: ["packages/*"] },
});
