import { defineConfig } from 'vitest/config';

// Browser tests: one Chromium at a time on a small machine, sites built once per file.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
