/**
 * Toasts: short confirmations at the bottom of the screen, some with an action ("Undo"). Each
 * stays ~6 s, longer while the pointer or focus is on it, so nobody loses an undo by reading it.
 */
import { css, html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { consoleStyles } from './styles.ts';
import { define, type ToastDetail } from './console-element.ts';

interface Toast extends ToastDetail {
  id: number;
  remaining: number;
  startedAt: number;
  timer?: ReturnType<typeof setTimeout>;
}

export class ToastRegion extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      :host {
        position: fixed;
        inset-inline: 0;
        bottom: 1rem;
        z-index: 20;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.5rem;
        pointer-events: none;
        padding-inline: 1rem;
      }
      .toast {
        pointer-events: auto;
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        max-width: min(40rem, 100%);
        padding: 0.625rem 0.75rem 0.625rem 1rem;
        border-radius: var(--k-radius);
        background: #1b2430;
        color: #ffffff;
        box-shadow: 0 10px 30px rgb(15 23 42 / 0.3);
      }
      .toast.error {
        background: #7a1a12;
      }
      .toast .button {
        background: transparent;
        color: #ffffff;
        border-color: #c5ccd6;
      }
      .toast .button:hover:not(:disabled) {
        background: rgb(255 255 255 / 0.12);
        border-color: #ffffff;
      }
      .toast kbd {
        background: transparent;
        color: #ffffff;
        border-color: #c5ccd6;
        margin-inline-start: 0.25rem;
      }
      .toast :focus-visible {
        outline-color: #9ec5ff;
      }
    `,
  ];

  @state() private toasts: Toast[] = [];
  private next = 0;

  /** Shows a toast; returns a function that dismisses it. */
  show(detail: ToastDetail): () => void {
    const toast: Toast = { ...detail, id: ++this.next, remaining: detail.duration ?? 6000, startedAt: Date.now() };
    this.toasts = [...this.toasts.slice(-2), toast];
    this.resume(toast);
    detail.signal?.addEventListener('abort', () => this.dismiss(toast.id), { once: true });
    return () => this.dismiss(toast.id);
  }

  /** Runs the newest toast's action (the queue's `u` key). Returns whether there was one. */
  runLatestAction(): boolean {
    const toast = [...this.toasts].reverse().find((t) => t.action);
    if (!toast) return false;
    void this.act(toast);
    return true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const t of this.toasts) clearTimeout(t.timer);
  }

  private dismiss(id: number): void {
    const toast = this.toasts.find((t) => t.id === id);
    if (toast) clearTimeout(toast.timer);
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  private pause(toast: Toast): void {
    if (!toast.timer) return;
    clearTimeout(toast.timer);
    toast.timer = undefined;
    toast.remaining -= Date.now() - toast.startedAt;
  }

  private resume(toast: Toast): void {
    if (toast.timer) return;
    toast.startedAt = Date.now();
    toast.timer = setTimeout(() => this.dismiss(toast.id), Math.max(toast.remaining, 1500));
  }

  private async act(toast: Toast): Promise<void> {
    this.dismiss(toast.id);
    await toast.action?.run();
  }

  override render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.toasts.at(-1)?.message ?? ''}</div>
      ${this.toasts.map(
        (toast) => html`<div
          class="toast ${toast.tone ?? 'info'}"
          @mouseenter=${() => this.pause(toast)}
          @mouseleave=${() => this.resume(toast)}
          @focusin=${() => this.pause(toast)}
          @focusout=${() => this.resume(toast)}
        >
          <span>${toast.message}</span>
          <span class="row">
            ${toast.action
              ? html`<button type="button" class="button small" @click=${() => this.act(toast)}>
                  ${toast.action.label}${toast.action.key ? html`<kbd aria-hidden="true">${toast.action.key}</kbd>` : ''}
                </button>`
              : ''}
            <button type="button" class="button small quiet" aria-label="Dismiss" @click=${() => this.dismiss(toast.id)}>✕</button>
          </span>
        </div>`,
      )}`;
  }
}

define('kc-toast-region', ToastRegion);

declare global {
  interface HTMLElementTagNameMap {
    'kc-toast-region': ToastRegion;
  }
}
