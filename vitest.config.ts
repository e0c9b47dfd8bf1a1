import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Which messages the checker builds, counted by `npm test` (SIGNPOST_MESSAGE_COVERAGE=1).
    globalSetup: ['tests/message-coverage-setup.ts'],
    setupFiles: ['tests/message-coverage.ts'],
    // The CLI tests start Node processes; give a loaded CI machine room.
    testTimeout: 20_000,
  },
});
