import { defineConfig } from "vitest/config";

export default defineConfig({
  // src/validate/formats.cts is TypeScript too (CommonJS, for the precompiled validator).
  oxc: { include: /\.(m?ts|cts|[jt]sx)$/ },
  test: {
    include: ["test/**/*.test.ts"],
    // Builds run real Eleventy (and later real Chromium): give them room, never retry.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
