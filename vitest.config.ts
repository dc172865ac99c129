import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds run real Eleventy (and later real Chromium): give them room, never retry.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
