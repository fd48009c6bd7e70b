import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * Squeezes the static text of Lit's html`…`, svg`…` and css`…` templates in our own sources:
 * whitespace runs with a newline become one space (the same rendering), and CSS loses comments
 * and the spaces around { } ; , and after :. Expressions (`${…}`) are left alone. The minifier
 * does not touch template text, and rollup-plugin-minify-html-literals needs the TypeScript
 * compiler API, which TypeScript 7 no longer has. Limit: a regex literal containing a quote or a
 * backtick would confuse the scanner (none exists in src/; the build's syntax check would fail).
 */
export function minifyTemplates(code: string): string {
  let i = 0;
  const n = code.length;
  const tagBefore = (text: string) => /(?:^|[^\w$.])(html|svg|css)\s*$/.exec(text)?.[1];
  const squeeze = (text: string, tag: string) =>
    tag === 'css'
      ? text
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,])\s*/g, '$1')
          .replace(/:\s+/g, ':')
      : text.replace(/\s*\n\s*/g, ' ');

  function skip(end: string, from: number): number {
    const at = code.indexOf(end, from);
    return at < 0 ? n : at + end.length;
  }
  function quoted(quote: string): string {
    let j = i + 1;
    while (j < n && code[j] !== quote) j += code[j] === '\\' ? 2 : 1;
    const text = code.slice(i, j + 1);
    i = j + 1;
    return text;
  }
  function template(tag: string | undefined): string {
    let out = '`';
    let text = '';
    const flush = () => {
      out += tag ? squeeze(text, tag) : text;
      text = '';
    };
    i++;
    while (i < n) {
      const c = code[i]!;
      if (c === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        flush();
        i++;
        return `${out}\``;
      } else if (c === '$' && code[i + 1] === '{') {
        flush();
        i += 2;
        out += `\${${code_(false)}}`;
      } else {
        text += c;
        i++;
      }
    }
    throw new Error('minifyTemplates: unterminated template literal');
  }
  /** Code up to the `}` closing an expression (or the end of the file at top level). */
  function code_(top: boolean): string {
    let out = '';
    let depth = 0;
    while (i < n) {
      const c = code[i]!;
      if (c === '}' && depth === 0 && !top) {
        i++;
        return out;
      }
      if (c === '{') depth++;
      else if (c === '}') depth--;
      if (c === '"' || c === "'") out += quoted(c);
      else if (c === '`') out += template(tagBefore(out));
      else if (c === '/' && code[i + 1] === '/') {
        const end = skip('\n', i);
        out += code.slice(i, end);
        i = end;
      } else if (c === '/' && code[i + 1] === '*') {
        const end = skip('*/', i + 2);
        out += code.slice(i, end);
        i = end;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }
  return code_(true);
}

const templateMinifier = (): Plugin => ({
  name: 'kindred-minify-templates',
  enforce: 'pre',
  apply: 'build',
  transform(code, id) {
    if (!/\/src\/.+\.ts$/.test(id) || id.includes('node_modules') || !/(html|svg|css)`/.test(code)) return null;
    return { code: minifyTemplates(code), map: null };
  },
});

/**
 * Production build of the widgets: dist/kindred.js (the loader) at the root, each widget's chunk
 * and the shared ones beside it, minified ES2022. The API server serves dist/ at its site root.
 */
export default defineConfig({
  plugins: [templateMinifier()],
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
