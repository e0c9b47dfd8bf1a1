import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests start Node processes; give a loaded CI machine room.
    testTimeout: 20_000,
  },
});
