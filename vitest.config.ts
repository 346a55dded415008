import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // one temporary folder for the whole run, removed at its end (tests/global-setup.ts)
    globalSetup: ['tests/global-setup.ts'],
  },
})
