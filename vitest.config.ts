import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'fixtures/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Adapter suites share real servers; each uses its own database schema / key prefix / stream.
    fileParallelism: true,
    reporters: ['default'],
  },
});
