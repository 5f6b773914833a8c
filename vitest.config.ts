import { defineConfig } from 'vitest/config';

// One vitest run over every package, so CI gets one summary; the JSON report
// is what .ci/run sums into its closing "N passed, N failed" line.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'display', 'clerk-console', 'checkin', 'sim', 'e2e'],
    reporters: ['default', ['json', { outputFile: 'test-output/results.json' }]],
  },
});
