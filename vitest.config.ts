import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'fixtures/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for something that will happen (a page re-rendered after Back, a stream's
    // record): 1 s, vitest's default, is too short on a loaded two-core CI machine (a fresh-clone run
    // failed so on 2026-12-07). A poll that never succeeds still fails, 10 s later.
    expect: { poll: { timeout: 10_000 } },
    // Adapter suites share real servers; each uses its own database schema / key prefix / stream.
    fileParallelism: true,
    reporters: ['default'],
  },
});
