/**
 * <kc-content-body>: the one place the console renders HTML written by a member. Only the
 * server-sanitised `bodyHtml` of a queue item comes here (the same allowlist sanitiser as the
 * widgets: paragraphs, emphasis, lists, quotes, links); everything else members write is
 * rendered as text by Lit. Links open in a new tab without passing a referrer.
 */
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { define } from '../../ui/console-element.ts';
import { consoleStyles } from '../../ui/styles.ts';

export class ContentBody extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      :host {
        overflow-wrap: anywhere;
      }
      .body > * + * {
        margin-top: 0.625em;
      }
      p,
      ul,
      ol,
      blockquote {
        margin: 0;
      }
      ul,
      ol {
        padding-inline-start: 1.5em;
      }
      blockquote {
        padding-inline-start: 0.875em;
        border-inline-start: 3px solid var(--k-border);
        color: var(--k-text-muted);
      }
      a {
        color: var(--k-accent);
      }
    `,
  ];

  /** Sanitised HTML from the API (`QueueItemDto.bodyHtml`). Never anything else. */
  @property({ attribute: false }) sanitisedHtml = '';

  override render() {
    return html`<div class="body">${unsafeHTML(this.sanitisedHtml)}</div>`;
  }

  protected override updated(): void {
    for (const link of this.renderRoot.querySelectorAll('a[href]')) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer ugc');
    }
  }
}

define('kc-content-body', ContentBody);

declare global {
  interface HTMLElementTagNameMap {
    'kc-content-body': ContentBody;
  }
}
