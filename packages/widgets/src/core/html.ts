/**
 * THE ONE PLACE a Kindred widget renders HTML from the API. Everything else is text.
 *
 * `html` is a post's `bodyHtml`: the API's single sanitiser (DOMPurify on the server, an allowlist
 * of p, br, em, strong, ul, ol, li, blockquote and a[href] with safe schemes) produced it from the
 * author's text before storing it. Nothing else, and nothing a widget assembles, may come here.
 * Style the result with `sanitisedHtmlStyles`.
 */
import { css, type TemplateResult, html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

export const sanitisedHtml = (bodyHtml: string): TemplateResult => html`${unsafeHTML(bodyHtml)}`;

/** Typography for server-sanitised HTML (posts; later stories and reviews). */
export const sanitisedHtmlStyles = css`
  .rich {
    overflow-wrap: anywhere;
  }
  .rich > * {
    margin-block: 0;
  }
  .rich > * + * {
    margin-top: 0.75em;
  }
  .rich ul,
  .rich ol {
    padding-inline-start: 1.5em;
  }
  .rich li + li {
    margin-top: 0.25em;
  }
  .rich blockquote {
    margin-inline: 0;
    padding: 0.25em 0 0.25em 1em;
    border-inline-start: 3px solid var(--k-border-strong);
    color: var(--k-text-muted);
  }
  .rich a {
    color: var(--k-accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .rich strong {
    font-weight: 650;
  }
`;
