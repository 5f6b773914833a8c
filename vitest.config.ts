import { defineConfig } from 'vitest/config';

// One vitest run over every package, so CI gets one summary line.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'display', 'clerk-console', 'checkin', 'e2e'],
  },
});
