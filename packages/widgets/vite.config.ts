import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Production build of the widgets: dist/kindred.js (the loader) at the root, each widget's chunk
 * and the shared ones beside it, minified ES2022. The API server serves dist/ at its site root.
 */
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    minify: 'oxc',
    sourcemap: false,
    cssCodeSplit: false,
    lib: {
      entry: fileURLToPath(new URL('./src/kindred.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'kindred.js',
    },
    rolldownOptions: {
      // Library ES output keeps whitespace unless told otherwise: minify fully.
      output: { chunkFileNames: '[name]-[hash].js', minify: true, comments: false },
    },
  },
});
