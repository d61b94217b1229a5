import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The CLI tests start real processes; under `npm test` every package shares two cores.
    testTimeout: 30_000,
  },
});
