/** A button that copies `text` to the clipboard and says so (visibly and to screen readers). */
import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consoleStyles } from './styles.ts';
import { define } from './console-element.ts';

export class CopyButton extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      :host {
        display: inline-block;
      }
    `,
  ];

  @property() text = '';
  @property() label = 'Copy';
  /** What the copied thing is, for the accessible name: "Copy the forum snippet". */
  @property() what = '';
  @state() private copied = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.text);
    } catch {
      // No clipboard permission (an insecure origin, a test page): leave the text selectable.
    }
    this.copied = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.copied = false), 2500);
    this.dispatchEvent(new CustomEvent('kc-copied', { bubbles: true, composed: true }));
  }

  override render() {
    const name = this.what ? `${this.label} ${this.what}` : this.label;
    return html`<button type="button" class="button small" aria-label=${name} @click=${this.copy}>
        ${this.copied ? 'Copied' : this.label}
      </button>
      <span class="visually-hidden" role="status">${this.copied ? 'Copied to the clipboard' : ''}</span>`;
  }
}

define('kc-copy-button', CopyButton);

declare global {
  interface HTMLElementTagNameMap {
    'kc-copy-button': CopyButton;
  }
}
