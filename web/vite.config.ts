import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

/**
 * The web UI. The server serves `dist/web` under a strict Content-Security-Policy
 * (script-src 'self'; style-src 'self'), so the build must contain no inline
 * scripts or styles: CSS is extracted to files and the module-preload polyfill
 * (which Vite would otherwise add as code) is left out — every browser we
 * support has native `modulepreload`.
 *
 * The scam checker's engine and models run in a Web Worker (ES module worker,
 * so its engine and each model are separate chunks fetched only when a person
 * checks something on their device; the first paint never waits for them).
 *
 * `npm run build:web`; during development `vite --config web/vite.config.ts`
 * proxies the API to a running `shieldwall serve` (API_PROXY_TARGET, default
 * http://127.0.0.1:8080).
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  plugins: [preact()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    // Keep assets as files: `data:` works for images under the CSP, but files cache better.
    assetsInlineLimit: 0,
  },
  worker: {
    format: 'es',
  },
  server: {
    proxy: {
      '/api': process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:8080',
    },
  },
});
