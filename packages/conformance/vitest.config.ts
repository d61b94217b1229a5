import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real servers (the fake over HTTP, Prism, the bin) under `npm test` share two cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
