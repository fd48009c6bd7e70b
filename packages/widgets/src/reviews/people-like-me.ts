/**
 * "People like me" in <kindred-reviews>: asks the API which attributes the reader shared; if none,
 * opens the dialog to choose them (with its privacy note); shows which ones the filter uses, with
 * "Change". A chunk of its own, loaded on the toggle's first press.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isAuthError, type KindredClient } from '../core/api-client.ts';
import type { KindredEvent } from '../core/events.ts';
import { whenStrings, type Localizer, type MessageKey } from '../core/i18n.ts';
import type { KindredElement } from '../core/kindred-element.ts';
import './attributes-dialog.component.ts';
import './extra-messages.ts';
import type { ReviewAttribute } from './types.ts';

export interface PeopleLikeMeOptions {
  api(): KindredClient;
  t: Localizer;
  /** Whether the list is filtered to people like me, and turning it on or off (the list reloads). */
  isOn(): boolean;
  set(on: boolean): void;
  attributes(): ReviewAttribute[];
}

export class PeopleLikeMe {
  /** The reader's shared attributes; undefined until asked. */
  private shared: ReviewAttribute[] | undefined;
  private choosing = false;
  private problem: MessageKey | null = null;

  constructor(
    private readonly host: KindredElement,
    private readonly options: PeopleLikeMeOptions,
  ) {}

  /** Signed out or in: ask again next time. */
  reset(): void {
    this.shared = undefined;
    this.choosing = false;
    this.problem = null;
  }

  toggle = async (): Promise<void> => {
    this.problem = null;
    if (this.options.isOn()) return this.options.set(false);
    if (this.shared === undefined) {
      try {
        this.shared = await this.options.api().query('reviews.sharedAttributes', undefined);
      } catch (err) {
        this.problem = isAuthError(err) ? 'reviewWriteSignIn' : 'actionFailed';
        this.host.requestUpdate();
        return;
      }
    }
    if (!this.shared.length) return this.choose();
    this.options.set(true);
  };

  private choose = async (): Promise<void> => {
    await whenStrings(this.options.t.locale);
    this.choosing = true;
    this.host.requestUpdate();
  };

  private onSaved = (event: KindredEvent<'kindred-shared-attributes-saved'>): void => {
    this.shared = event.detail.attributes;
    this.options.set(this.shared.length > 0);
  };

  private onClosed = async (): Promise<void> => {
    this.choosing = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[part~="people-like-me"]')?.focus();
  };

  /** The failure, the "Showing reviews from people who share…" line, and the dialog when open. */
  render(): TemplateResult {
    const { t } = this.options;
    const shared = this.shared ?? [];
    return html`${this.problem ? html`<p class="notice error-text" part="error" role="alert">${t.msg(this.problem)}</p>` : nothing}
    ${this.options.isOn() && shared.length
      ? html`<p class="people-note" part="people-like-me-note">
          ${t.msg('reviewsPeopleLikeMeOn', { attributes: shared.map((a) => a.label).join(', ') })}
          <button class="link" part="button change-attributes" @click=${this.choose}>${t.msg('reviewsChangeAttributes')}</button>
        </p>`
      : nothing}
    ${this.choosing
      ? html`<kindred-review-attributes-dialog
          exportparts="dialog, dialog-heading, checkbox, privacy-note, submit, cancel, button, error"
          .choices=${this.options.attributes()}
          .selected=${shared.map((a) => a.key)}
          @kindred-shared-attributes-saved=${this.onSaved}
          @kindred-dialog-closed=${this.onClosed}
        ></kindred-review-attributes-dialog>`
      : nothing}`;
  }
}
