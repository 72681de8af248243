import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://127.0.0.1:4399';

/**
 * precache.json: every built file under assets/, for the service worker to
 * keep at install, so pages loaded on demand open offline too.
 */
const precacheList: Plugin = {
  name: 'tend-precache-list',
  apply: 'build',
  generateBundle(_options, bundle) {
    const files = Object.keys(bundle)
      .filter((name) => name.startsWith('assets/'))
      .map((name) => `/${name}`)
      .sort();
    this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(files) });
  },
};

/**
 * The web app. The Tend server serves the build from dist/web with a strict
 * Content-Security-Policy (`script-src 'self'`), so the build must contain no
 * inline scripts; in development Vite proxies the API to a running server.
 */
export default defineConfig({
  root,
  plugins: [react(), precacheList],
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
