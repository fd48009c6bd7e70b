/**
 * The one formatter and sanitiser for user-written rich text.
 *
 * Authors write a small Markdown-like subset: paragraphs, *emphasis*, **strong**, lists,
 * > quotes and links. markdown-it turns it into HTML with raw HTML disabled (so `<script>` is
 * shown as text), then DOMPurify keeps only an allowlist of tags and attributes, links are
 * limited to http(s) and mailto, and every link gets `rel="noopener noreferrer ugc"`.
 * The result is stored; widgets render only this stored HTML, never the author's source.
 */
import createDOMPurify, { type Config } from 'dompurify';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt('zero', { html: false, linkify: true, breaks: true, typographer: false })
  .enable(['paragraph', 'newline', 'emphasis', 'list', 'blockquote', 'link', 'linkify', 'escape', 'backticks'])
  .disable(['backticks']);

const { window } = new JSDOM('');
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);

const ALLOWED: Config = {
  ALLOWED_TAGS: ['p', 'br', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'a'],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  KEEP_CONTENT: true,
};

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    if (!node.getAttribute('href')) node.removeAttribute('href');
    node.setAttribute('rel', 'noopener noreferrer ugc');
    node.setAttribute('target', '_blank');
  }
});
// `rel` and `target` are set by the hook above, after the allowlist has run on the author's input.
purify.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName === 'rel' || data.attrName === 'target') data.keepAttr = false;
});

/** The author's text as the safe HTML every widget renders. */
export function renderBody(source: string): string {
  return sanitizeHtml(markdown.render(source)).trim();
}

/** The allowlist sanitiser, for any HTML that could contain user input. */
export function sanitizeHtml(html: string): string {
  return purify.sanitize(html, { ...ALLOWED, RETURN_TRUSTED_TYPE: false }) as string;
}

/** Plain text (for excerpts, snippets and search): the rendered words without markup. */
export function plainText(source: string): string {
  const html = markdown.render(source);
  const text = html
    .replace(/<\/(p|li|blockquote)>/g, ' ')
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
  return text.replace(/\s+/g, ' ').trim();
}
