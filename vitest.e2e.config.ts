import { defineConfig } from 'vitest/config';

// Browser journeys: the real server (built web app + API on a fresh SQLite file) driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    env: { TZ: 'UTC' },
  },
});
