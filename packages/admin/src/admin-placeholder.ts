import { css, html, LitElement } from 'lit';

/** Stands in for the admin console until it is built. Styles go through adoptedStyleSheets (strict CSP). */
export class AdminPlaceholder extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      place-items: center;
      min-height: 100vh;
      margin: 0;
      font: 1.0625rem/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color: #1b2430;
      background: #f4f6f8;
    }
    main {
      max-width: 32rem;
      padding: 2rem;
      text-align: center;
    }
    h1 {
      margin: 0 0 0.5rem;
      font-size: 1.75rem;
    }
    p {
      margin: 0;
      color: #4b5563;
    }
  `;

  override render() {
    return html`<main>
      <h1>Kindred admin console</h1>
      <p>The console for moderating, theming and configuring your community is coming soon.</p>
    </main>`;
  }
}

if (!customElements.get('kindred-admin-placeholder')) customElements.define('kindred-admin-placeholder', AdminPlaceholder);

declare global {
  interface HTMLElementTagNameMap {
    'kindred-admin-placeholder': AdminPlaceholder;
  }
}
