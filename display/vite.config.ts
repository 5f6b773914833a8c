import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: '/display/',
  // Rune tests (*.svelte.test.ts) run in vitest's node environment, which Vite treats as a server: compile runes for the
  // client there too and resolve Svelte's client runtime (ssr conditions), or $effect and flushSync would be no-ops.
  // The favicon (one file for every app) is copied into each build.
  publicDir: '../shared/public',
  plugins: [svelte({ dynamicCompileOptions: () => (process.env.VITEST ? { generate: 'client' } : undefined) })],
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } } },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  ssr: process.env.VITEST ? { resolve: { conditions: ['browser'] } } : undefined,
  test: { name: 'display', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], environment: 'node' },
});
