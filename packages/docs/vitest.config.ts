import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real servers (Prism, Chromium) start under `npm test`, where every suite shares two cores:
    // in CI one Prism took 26 s to answer, one page load over 10 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
