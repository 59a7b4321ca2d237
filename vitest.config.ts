// Test runner settings: server and shared tests run in Node, in-process, in two forks that each run
// many files. Files share a fork's loaded modules (isolate: false): loading the server's module graph
// again for every file was most of a file's time (collect 586 s of a 739 s run on PostgreSQL, 50 s
// without it), so every test must leave global state (env, timers, mocks) as it found it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['./vitest.global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
