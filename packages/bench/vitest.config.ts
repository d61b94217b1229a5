import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Bundling losant-rest and starting Chromium; under `npm test` every package shares two cores.
    testTimeout: 60_000,
  },
});
