import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The admin console, served by the API under /admin/. No inline scripts or styles (strict CSP). */
export default defineConfig({
  base: '/admin/',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be bundled, not inline, but no supported browser needs it.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
