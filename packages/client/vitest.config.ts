import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // Table-driven test names are their cases' descriptions, in full.
    chaiConfig: { truncateThreshold: 0 },
  },
});
