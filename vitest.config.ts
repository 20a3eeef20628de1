import { defineConfig } from 'vitest/config';

// Unit tests (src/**) and API tests (tests/api/**) — `npm test`.
// Browser tests live in tests/e2e and run with `npm run test:e2e` (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/api/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
});
