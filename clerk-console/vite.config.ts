import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: '/clerk/',
  // The favicon (one file for every app) is copied into each build.
  publicDir: '../shared/public',
  plugins: [svelte()],
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } } },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: { name: 'clerk-console', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], environment: 'node' },
});
