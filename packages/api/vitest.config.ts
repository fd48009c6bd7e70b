import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/testing/setup.ts'],
    // PGlite boots in ~1-3 s per worker; pg tests share one server.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: two workers keep PGlite boots and pg connections in check.
    maxWorkers: 2,
  },
});
