// End-to-end tests: the built app in Debian Chromium (browser mode) and, where an Electron
// binary exists, in Electron. One file at a time: they share the machine's two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
