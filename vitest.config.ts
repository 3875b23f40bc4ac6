import { defineConfig } from 'vitest/config';

// Two cores on CI: run test files in forked workers, a few at a time, and give
// integration tests (real sockets, real databases) room to finish.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
