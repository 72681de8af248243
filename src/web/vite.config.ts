import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://127.0.0.1:4399';

/**
 * The web app. The Tend server serves the build from dist/web with a strict
 * Content-Security-Policy (`script-src 'self'`), so the build must contain no
 * inline scripts; in development Vite proxies the API to a running server.
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  server: {
    proxy: {
      // A pattern, not the prefix '/api': that would also send the module /api.ts to the server.
      '^/api/': apiServer,
      '/healthz': apiServer,
    },
  },
});
