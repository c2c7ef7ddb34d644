import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The CLI tests run the compiled command, so dist/ is rebuilt first when it is stale; then
    // PostgreSQL is probed once, to run the database tests on it or skip them with a note.
    globalSetup: ['src/test-support/build-dist.ts', 'src/test-support/choose-test-postgres.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
