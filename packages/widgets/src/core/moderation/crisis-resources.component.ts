import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { CrisisResource } from '../api-types.ts';
import { trapTab } from '../focus-trap.ts';
import { define, KindredElement } from '../kindred-element.ts';
import { baseStyles } from '../styles.ts';
import './messages.ts';
import { CRISIS_PARTS } from './parts.ts';

/** "+44 (0)7700 900 456" -> "+4407700900456": digits for a tel: or sms: link; null when it is not a number. */
export function dialable(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[^\d+]/g, '');
  return digits.replace(/\+/g, '').length >= 3 ? digits : null;
}

/** A resource's website, only as an http(s) address (the tenant's settings are not trusted with javascript:). */
export function website(url: string | null | undefined): URL | null {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

const HEART = svg`<path d="M16 26.5s-9.5-5.6-9.5-12.2A5.3 5.3 0 0 1 16 11a5.3 5.3 0 0 1 9.5 3.3c0 6.6-9.5 12.2-9.5 12.2z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />`;
const PHONE = svg`<path d="M6.5 3.5h2l1.2 3.2-1.6 1.2a9 9 0 0 0 4 4l1.2-1.6 3.2 1.2v2a1.5 1.5 0 0 1-1.6 1.5A13 13 0 0 1 5 5.1 1.5 1.5 0 0 1 6.5 3.5z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />`;
const MESSAGE = svg`<path d="M4 4.5h12a1 1 0 0 1 1 1v7.5a1 1 0 0 1-1 1H9l-4 3v-3H4a1 1 0 0 1-1-1V5.5a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />`;
const LINK = svg`<path d="M8 4H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1v-3M11 4h5v5M16 4l-7 7" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />`;
const icon = (path: TemplateResult) => html`<svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">${path}</svg>`;

/**
 * The tenant's crisis resources, shown to an author at once when what they wrote suggests they
 * may be at risk, and to no one else. Warm, plain words (never "crisis", never "flagged"); each
 * service with a call link, a text link (when its text line is a number) and its website. A modal
 * `<dialog role="alertdialog">`: it opens when connected, focus starts on its heading, Tab stays
 * inside, Escape or Close closes it; the composer that showed it then carries on (and moves focus).
 *
 * @event kindred-dialog-closed - internal: the member closed it.
 * @csspart crisis-resources - the dialog
 * @csspart crisis-heading, crisis-resource, crisis-close
 * @csspart crisis-link - each way to reach a service; also crisis-call, crisis-text, crisis-website
 */
export class KindredCrisisResources extends KindredElement {
  static readonly parts = CRISIS_PARTS;
  static override styles = [
    baseStyles,
    css`
      dialog {
        width: min(35em, calc(100vw - 2rem));
        max-height: calc(100dvh - 2rem);
        padding: 0;
        overflow: auto;
        border: 1px solid var(--k-border);
        border-radius: calc(var(--k-radius) * 1.25);
        background: var(--k-bg);
        color: var(--k-text);
        box-shadow: 0 24px 64px rgb(15 23 30 / 0.2);
      }
      dialog::backdrop {
        background: rgb(15 23 30 / 0.45);
      }
      .content {
        padding: calc(var(--k-space) * 1.5) calc(var(--k-space) * 1.5) 0;
      }
      .top {
        display: flex;
        align-items: center;
        gap: 0.875em;
      }
      .mark {
        flex: none;
        display: grid;
        place-items: center;
        width: 2.75em;
        height: 2.75em;
        border-radius: 50%;
        background: color-mix(in srgb, var(--k-accent) 12%, var(--k-bg));
        color: var(--k-accent);
      }
      h2 {
        font-size: 1.25em;
      }
      /* Focus starts here so reading starts here; it is not a control, so no ring. */
      #crisis-heading:focus,
      #crisis-heading:focus-visible {
        outline: none;
      }
      .words {
        margin-top: 0.875em;
      }
      .words > * + * {
        margin-top: 0.375em;
      }
      .intro {
        margin: 1.125em 0 0.625em;
        font-weight: 600;
      }
      .resources {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.625em;
      }
      .resource {
        padding: 0.875em 1em;
        border: 1px solid var(--k-border);
        border-radius: var(--k-radius);
        background: var(--k-surface);
      }
      .resource h3 {
        font-size: 1.0625em;
      }
      .resource p {
        margin-top: 0.125em;
      }
      .ways {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
        margin-top: 0.625em;
      }
      .way {
        display: inline-flex;
        align-items: center;
        gap: 0.5em;
        min-height: 2.75em;
        padding: 0.5em 1em;
        border: 1px solid var(--k-accent);
        border-radius: 999px;
        background: var(--k-bg);
        color: var(--k-accent);
        font-weight: 600;
        text-decoration: none;
        overflow-wrap: anywhere;
      }
      .way:hover {
        background: color-mix(in srgb, var(--k-accent) 10%, var(--k-bg));
        text-decoration: underline;
        text-underline-offset: 0.2em;
      }
      .way svg,
      .text-line svg {
        flex: none;
      }
      .text-line {
        display: inline-flex;
        align-items: center;
        gap: 0.5em;
        min-height: 2.75em;
        padding: 0 0.25em;
        font-weight: 600;
      }
      .emergency {
        margin-top: 1em;
      }
      /* Close stays in view however long the list is. */
      .actions {
        position: sticky;
        bottom: 0;
        display: flex;
        justify-content: flex-end;
        margin-top: calc(var(--k-space) * 1.25);
        padding: calc(var(--k-space) * 0.875) calc(var(--k-space) * 1.5);
        border-top: 1px solid var(--k-border);
        background: var(--k-bg);
      }
    `,
  ];

  @property({ attribute: false }) resources: CrisisResource[] = [];

  @query('dialog') private dialog!: HTMLDialogElement;

  protected override firstUpdated(): void {
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render(): TemplateResult {
    const t = this.i18n;
    return html`<dialog
      part="crisis-resources"
      role="alertdialog"
      aria-labelledby="crisis-heading"
      aria-describedby="crisis-words"
      @keydown=${(e: KeyboardEvent) => trapTab(this.dialog, e)}
      @cancel=${this.onCancel}
      @close=${this.onClose}
    >
      <div class="content">
        <div class="top">
          <div class="mark" aria-hidden="true"><svg viewBox="0 0 32 32" width="26" height="26">${HEART}</svg></div>
          <h2 id="crisis-heading" part="crisis-heading" tabindex="-1">${t.msg('crisisHeading')}</h2>
        </div>
        <div id="crisis-words" class="words">
          <p>${t.msg('crisisAlone')}</p>
          <p>${t.msg('crisisSaved')}</p>
        </div>
        ${this.resources.length
          ? html`<p class="intro">${t.msg('crisisResourcesIntro')}</p>
              <ul class="resources" role="list">
                ${this.resources.map((r) => this.renderResource(r))}
              </ul>`
          : nothing}
        <p class="emergency muted">${t.msg('crisisEmergency')}</p>
      </div>
      <div class="actions">
        <button class="button primary" part="button crisis-close" @click=${this.close}>${t.msg('close')}</button>
      </div>
    </dialog>`;
  }

  private renderResource(resource: CrisisResource): TemplateResult {
    const t = this.i18n;
    const phone = dialable(resource.phone);
    const textNumber = dialable(resource.text);
    const site = website(resource.url);
    return html`<li class="resource" part="crisis-resource">
      <h3>${resource.name}</h3>
      ${resource.description ? html`<p class="muted">${resource.description}</p>` : nothing}
      <div class="ways">
        ${phone
          ? html`<a class="way" part="crisis-link crisis-call" href="tel:${phone}">${icon(PHONE)}${t.msg('crisisCall', { phone: resource.phone!.trim() })}</a>`
          : nothing}
        ${textNumber
          ? html`<a class="way" part="crisis-link crisis-text" href="sms:${textNumber}">${icon(MESSAGE)}${t.msg('crisisText', { number: resource.text!.trim() })}</a>`
          : resource.text
            ? html`<span class="text-line">${icon(MESSAGE)}${resource.text}</span>`
            : nothing}
        ${site
          ? html`<a class="way" part="crisis-link crisis-website" href=${site.href} target="_blank" rel="noopener noreferrer"
              >${icon(LINK)}${t.msg('crisisVisit', { site: site.hostname.replace(/^www\./, '') })}<span class="visually-hidden"> ${t.msg('crisisNewTab')}</span></a
            >`
          : nothing}
      </div>
    </li>`;
  }

  private onCancel = (event: Event): void => {
    // Escape: close through the same path as the button.
    event.preventDefault();
    this.close();
  };

  private close = (): void => {
    if (this.dialog.open) this.dialog.close();
  };

  private onClose = (): void => {
    this.emit('kindred-dialog-closed', {}, { composed: false });
  };
}

define('kindred-crisis-resources', KindredCrisisResources);

declare global {
  interface HTMLElementTagNameMap {
    'kindred-crisis-resources': KindredCrisisResources;
  }
}
