import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Only stops a stuck test: under `npm test`, on two busy cores, a test that takes 1 s alone
    // (the validators' 100,000-property body) once took over vitest's default 5 s.
    testTimeout: 30_000,
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
