import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The CLI tests run the compiled command, so dist/ is rebuilt first when it is stale.
    globalSetup: ['src/test-support/build-dist.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
