import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserTests = existsSync(chromiumPath);
// PostgreSQL-only tests need a server; global-setup says so loudly (and fails under CI) when absent.
const postgresTests = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  root: here('./client'),
  plugins: [react()],
  resolve: {
    alias: {
      '@shared': here('./shared'),
      '@server': here('./server'),
      '@client': here('./client/src'),
    },
  },
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    root: here('.'),
    include: ['tests/**/*.test.ts'],
    exclude: [...(browserTests ? [] : ['tests/e2e/**']), ...(postgresTests ? [] : ['tests/postgres/**'])],
    globalSetup: [here('./tests/helpers/global-setup.ts')],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
