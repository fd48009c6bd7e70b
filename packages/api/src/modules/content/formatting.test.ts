import { describe, expect, it } from 'vitest';
import { plainText, renderBody, sanitizeHtml } from './formatting.ts';

describe('the formatting subset', () => {
  it('renders paragraphs, emphasis, lists, quotes and links', () => {
    expect(renderBody('Hello *there*\n\nA **strong** word')).toBe('<p>Hello <em>there</em></p>\n<p>A <strong>strong</strong> word</p>');
    expect(renderBody('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(renderBody('1. first\n2. second')).toContain('<ol>');
    expect(renderBody('> quoted')).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(renderBody('line one\nline two')).toBe('<p>line one<br>\nline two</p>');
    expect(renderBody('[the clinic](https://clinic.example/help)')).toBe(
      '<p><a href="https://clinic.example/help" rel="noopener noreferrer ugc" target="_blank">the clinic</a></p>',
    );
    expect(renderBody('see https://example.org')).toContain('<a href="https://example.org" rel="noopener noreferrer ugc"');
  });

  it('never lets markup, scripts or dangerous links through', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[click](vbscript:msgbox(1))',
      '<a href="https://x.example" onclick="alert(1)">x</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(1)>',
      '<style>body{display:none}</style>',
      '![img](https://evil.example/tracker.png)',
      '# Heading\n\n```js\nalert(1)\n```',
      '<details open ontoggle=alert(1)>',
      '[x](https://ok.example "title" onmouseover=alert(1))',
    ];
    for (const attack of attacks) {
      const html = renderBody(attack);
      expect(html).not.toMatch(/<(script|img|iframe|svg|style|details|h1)\b/i);
      expect(html).not.toMatch(/<[^>]*\son\w+=/i);
      expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
      expect(html).not.toMatch(/<a [^>]*title=/);
    }
    expect(renderBody('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('sanitises HTML from anywhere to the same allowlist', () => {
    expect(sanitizeHtml('<p onclick="x()">hi <b>bold</b> <a href="javascript:x" rel="opener">l</a></p>')).toBe(
      '<p>hi bold <a rel="noopener noreferrer ugc" target="_blank">l</a></p>',
    );
  });

  it('makes plain text for excerpts and snippets', () => {
    expect(plainText('Hello *there*\n\n- one\n- two\n\n> a & b <c>')).toBe('Hello there one two a & b <c>');
  });
});
