import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KindredClient } from '../core/api-client.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import { KeysetPager } from '../core/keyset-pager.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { ownStatus, ownStatusStyles } from '../core/moderation/status.ts';
import { errorPanel, loadingCards, loadMoreButton } from '../core/parts.ts';
import { baseStyles, listStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import { storyDate } from './parts.ts';
import type { ConsentTextDto, ConsentUse, StoryDto } from './types.ts';
import { myStoriesStyles } from './views.styles.ts';
import './views-messages.ts';

/** What is waiting for the member's "yes": withdrawing or granting one use, or deleting a story (`use` null). */
type Confirming = { storyId: string; use: ConsentUse; grant?: boolean } | { storyId: string; use: null } | null;

const USES: readonly ConsentUse[] = ['site', 'outreach', 'research'];

/**
 * The member's own stories: status ("Awaiting review" and why, "Shared", "Private", "Not
 * approved" with the moderator's note, "Hidden"), who
 * can read each and how it is signed, the uses they agreed to (each with "Withdraw", which says
 * what withdrawing does first), Edit and Delete (with a confirm step).
 *
 * @event kindred-story-compose - internal: `{ story }` to edit, `{ story: null }` to write one
 * @event kindred-story-changed - internal: a consent was withdrawn
 * @event kindred-story-deleted - internal: `{ storyId }`
 * @event kindred-story-back - internal: "Back to stories"
 */
export class MyStories extends KindredElement {
  static readonly parts = [
    'my-stories',
    'back',
    'my-stories-heading',
    'my-story-list',
    'my-story',
    'my-story-title',
    'status',
    'status-pending',
    'status-published',
    'status-private',
    'status-rejected',
    'status-hidden',
    'moderation-status',
    'my-story-facts',
    'consents',
    'consent-item',
    'withdraw-button',
    'grant-button',
    'confirm-grant',
    'consent-text',
    'confirm',
    'confirm-withdraw',
    'confirm-delete',
    'keep',
    'my-story-actions',
    'edit-button',
    'delete-button',
    'share-button',
    'empty',
    'skeleton',
    'sign-in',
    'hint',
    'button',
    'error',
    'retry',
    'load-more',
  ] as const;
  static override styles = [baseStyles, viewStyles, listStyles, myStoriesStyles, ownStatusStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;

  @state() private confirming: Confirming = null;
  @state() private busy = false;
  @state() private failedOn: string | null = null;
  /** The current consent text, fetched the first time the member wants to agree to a use. */
  @state() private consentText: ConsentTextDto | null = null;

  private readonly pager = new KeysetPager<StoryDto>(this, (cursor, signal) => this.client!.query('stories.mine', { cursor }, { signal }));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('signedIn')) && this.client && this.signedIn) void this.load();
  }

  private async load(): Promise<void> {
    await this.pager.reload();
    if (this.pager.status === 'ready') this.announce?.(this.i18n.msg('myStoriesLoaded', { count: this.pager.items.length }));
  }

  get heading(): HTMLElement | null {
    return this.renderRoot.querySelector('#my-stories-heading');
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  /** A story's Edit or Delete button (focus goes back there). */
  actionButton(storyId: string, action: 'edit' | 'delete'): HTMLElement | null {
    return this.renderRoot.querySelector(`[data-story="${CSS.escape(storyId)}"] [part~="${action}-button"]`);
  }

  /** Shows the server's version of a story after an edit. */
  replace(story: StoryDto): void {
    this.pager.items = this.pager.items.map((s) => (s.id === story.id ? story : s));
    this.requestUpdate();
  }

  private back = (): void => void this.emit('kindred-story-back', {}, { composed: false });
  private compose = (story: StoryDto | null): void => void this.emit('kindred-story-compose', { story }, { composed: false });

  private async ask(confirming: Confirming, focus: string): Promise<void> {
    this.confirming = confirming;
    this.failedOn = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  private keep = async (): Promise<void> => {
    const was = this.confirming;
    this.confirming = null;
    await this.updateComplete;
    if (!was) return;
    const selector = was.use ? `[data-consent="${was.storyId}-${was.use}"]` : `[data-story="${CSS.escape(was.storyId)}"] [part~="delete-button"]`;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  };

  /** Shows the consent text and "I agree" for one use (fetching the text first, once). */
  private askToGrant = async (story: StoryDto, use: ConsentUse): Promise<void> => {
    if (!this.consentText) {
      try {
        this.consentText = await this.client!.query('stories.consentText', undefined);
      } catch {
        this.failedOn = story.id;
        return;
      }
    }
    await this.ask({ storyId: story.id, use, grant: true }, '[part~="confirm-grant"]');
  };

  private grant = async (story: StoryDto, use: ConsentUse): Promise<void> => {
    const client = this.client;
    if (!client || this.busy || !this.consentText) return;
    this.busy = true;
    try {
      const updated = await client.mutate('stories.grantConsent', { storyId: story.id, use, consentTextId: this.consentText.id });
      this.confirming = null;
      this.replace(updated);
      this.announce?.(this.i18n.msg('granted'));
      this.emit('kindred-story-changed', { story: updated }, { composed: false });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-story="${CSS.escape(story.id)}"] [part~="consents"]`)?.focus();
    } catch {
      // A newer consent text may have been published meanwhile: read it again next time.
      this.consentText = null;
      this.failedOn = story.id;
    } finally {
      this.busy = false;
    }
  };

  private withdraw = async (story: StoryDto, use: ConsentUse): Promise<void> => {
    const client = this.client;
    if (!client || this.busy) return;
    this.busy = true;
    try {
      const updated = await client.mutate('stories.revokeConsent', { storyId: story.id, use });
      this.confirming = null;
      this.replace(updated);
      this.announce?.(this.i18n.msg('withdrawn'));
      this.emit('kindred-story-changed', { story: updated }, { composed: false });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-story="${CSS.escape(story.id)}"] [part~="consents"]`)?.focus();
    } catch {
      this.failedOn = story.id;
    } finally {
      this.busy = false;
    }
  };

  private deleteStory = async (story: StoryDto): Promise<void> => {
    const client = this.client;
    if (!client || this.busy) return;
    this.busy = true;
    const index = this.pager.items.findIndex((s) => s.id === story.id);
    try {
      await client.mutate('stories.delete', { storyId: story.id });
      this.confirming = null;
      this.pager.items = this.pager.items.filter((s) => s.id !== story.id);
      this.announce?.(this.i18n.msg('storyDeleted'));
      this.emit('kindred-story-deleted', { storyId: story.id }, { composed: false });
      await this.updateComplete;
      // Focus the next story's title (or the previous, or the heading).
      const next = this.pager.items[Math.min(index, this.pager.items.length - 1)];
      (next ? this.renderRoot.querySelector<HTMLElement>(`[data-story="${CSS.escape(next.id)}"] h3`) : this.heading)?.focus();
    } catch {
      this.failedOn = story.id;
    } finally {
      this.busy = false;
    }
  };

  override render(): TemplateResult {
    const t = this.i18n;
    return html`<section class="mine" part="my-stories" aria-labelledby="my-stories-heading">
      <button class="button quiet back" part="button back" @click=${this.back}><span aria-hidden="true">←</span> ${t.msg('backToStories')}</button>
      <h2 id="my-stories-heading" part="my-stories-heading" tabindex="-1">${t.msg('myStoriesHeading')}</h2>
      <p class="muted intro">${t.msg('myStoriesIntro')}</p>
      ${this.signedIn
        ? this.renderList()
        : html`<div class="panel" part="sign-in"><p>${t.msg('storiesSignInToSee')}</p></div>`}
    </section>`;
  }

  private renderList(): TemplateResult {
    const t = this.i18n;
    const { pager } = this;
    if (pager.loading) return loadingCards(t.msg('loadingMyStories'), 2);
    if (pager.status === 'error') return errorPanel(t, pager.error, () => void this.load());
    if (!pager.items.length) {
      return html`<div class="empty panel" part="empty">
        <p class="empty-title">${t.msg('noMyStoriesTitle')}</p>
        <p class="muted">${t.msg('noMyStoriesHint')}</p>
        <button class="button primary" part="button share-button" @click=${() => this.compose(null)}>${t.msg('shareStory')}</button>
      </div>`;
    }
    return html`<ul class="my-list" part="my-story-list" role="list">${pager.items.map((s) => this.renderStory(s))}</ul>
      ${loadMoreButton(pager, t, 'loadMoreMyStories', () => void this.pager.loadMore())}`;
  }

  private renderStory(story: StoryDto): TemplateResult {
    const t = this.i18n;
    const own = story.own!;
    const status = own.audience === 'only_me' && own.status === 'published' ? 'private' : own.status;
    const titleId = `title-${story.id}`;
    const deleting = this.confirming?.storyId === story.id && this.confirming.use === null;
    const signed =
      story.signing === 'pseudonym' ? t.msg('signed_pseudonym', { pseudonym: own.pseudonym ?? '' }) : t.msg(`signed_${story.signing}`);
    return html`<li class="my-story" part="my-story" data-story=${story.id}>
      <div class="my-story-head">
        <h3 id=${titleId} part="my-story-title" tabindex="-1">${story.title}</h3>
        <span class="status ${status}" part="status status-${status}">${t.msg(`status_${status}`)}</span>
      </div>
      ${ownStatus(t, own, true)}
      <dl class="facts" part="my-story-facts">
        <div><dt>${t.msg('readersLabel')}</dt> <dd>${this.audienceLabel(story)}</dd></div>
        <div><dt>${t.msg('signedLabel')}</dt> <dd>${signed}</dd></div>
      </dl>
      ${this.renderConsents(story)}
      ${this.failedOn === story.id ? html`<p class="error-text" part="error" role="alert">${t.msg('storyActionFailed')}</p>` : nothing}
      ${deleting
        ? html`<div class="confirm panel" part="confirm">
            <p id="delete-${story.id}">${t.msg('deleteStoryConfirm')}</p>
            <div class="actions">
              <button class="button danger" part="button confirm-delete" aria-describedby="delete-${story.id} ${titleId}" ?disabled=${this.busy} @click=${() => this.deleteStory(story)}>
                ${t.msg('deleteStoryYes')}
              </button>
              <button class="button" part="button keep" @click=${this.keep}>${t.msg('keepIt')}</button>
            </div>
          </div>`
        : html`<div class="actions" part="my-story-actions">
            <button class="button" part="button edit-button" aria-describedby=${titleId} @click=${() => this.compose(story)}>${t.msg('editStory')}</button>
            <button
              class="button quiet"
              part="button delete-button"
              aria-describedby=${titleId}
              @click=${() => this.ask({ storyId: story.id, use: null }, `[data-story="${CSS.escape(story.id)}"] [part~="confirm-delete"]`)}
            >
              ${t.msg('deleteStory')}
            </button>
          </div>`}
    </li>`;
  }

  private audienceLabel(story: StoryDto): string {
    const t = this.i18n;
    const audience = story.own!.audience;
    if (audience === 'care_team') return t.msg('audience_care_team', { organisation: t.msg('thisOrganisation') });
    return t.msg(`audience_${audience}`);
  }

  private renderConsents(story: StoryDto): TemplateResult {
    const t = this.i18n;
    const consents = story.own!.consents;
    const headingId = `consents-${story.id}`;
    return html`<div class="consents" part="consents" role="group" tabindex="-1" aria-labelledby=${headingId}>
      <h4 id=${headingId}>${t.msg('consentsLabel')}</h4>
      <ul role="list">
        ${USES.map((use) => {
          const consent = consents.find((c) => c.use === use);
          const confirming = this.confirming?.storyId === story.id && this.confirming.use === use ? this.confirming : null;
          const labelId = `use-${story.id}-${use}`;
          const opener = consent
            ? html`<button
                class="button quiet"
                part="button withdraw-button"
                data-consent="${story.id}-${use}"
                aria-describedby="${labelId} title-${story.id}"
                @click=${() => this.ask({ storyId: story.id, use }, '[part~="confirm-withdraw"]')}
              >
                ${t.msg('withdrawButton')}
              </button>`
            : html`<button
                class="button quiet"
                part="button grant-button"
                data-consent="${story.id}-${use}"
                aria-describedby="${labelId} title-${story.id}"
                @click=${() => this.askToGrant(story, use)}
              >
                ${t.msg('grantButton')}
              </button>`;
          return html`<li class="consent-item" part="consent-item">
            <div class="consent-line">
              <span id=${labelId} class="use">${t.msg(`consentUseLabel_${use}`)}</span>
              <span class="muted">${consent ? t.msg('consentGranted', { date: storyDate(t, consent.grantedAt) }) : t.msg('notAgreed')}</span>
              ${confirming ? nothing : opener}
            </div>
            ${confirming ? (consent ? this.renderWithdraw(story, use, labelId) : this.renderGrant(story, use, labelId)) : nothing}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderWithdraw(story: StoryDto, use: ConsentUse, labelId: string): TemplateResult {
    const t = this.i18n;
    return html`<div class="confirm panel" part="confirm">
      <p><strong>${t.msg('withdrawConfirm')}</strong> <span id="effect-${labelId}">${t.msg(`withdrawEffect_${use}`)}</span></p>
      <div class="actions">
        <button class="button danger" part="button confirm-withdraw" aria-describedby="${labelId} effect-${labelId}" ?disabled=${this.busy} @click=${() => this.withdraw(story, use)}>
          ${t.msg('withdrawYes')}
        </button>
        <button class="button" part="button keep" @click=${this.keep}>${t.msg('keepIt')}</button>
      </div>
    </div>`;
  }

  private renderGrant(story: StoryDto, use: ConsentUse, labelId: string): TemplateResult {
    const t = this.i18n;
    const text = this.consentText!;
    const description = text.uses.find((u) => u.use === use)?.description ?? '';
    return html`<div class="confirm panel" part="confirm">
      <p>${t.msg('grantIntro', { version: text.version })}</p>
      <blockquote id="text-${labelId}" class="consent-text" part="consent-text">${text.body} <em>“${description}”</em></blockquote>
      <div class="actions">
        <button class="button primary" part="button confirm-grant" aria-describedby="${labelId} text-${labelId}" ?disabled=${this.busy} @click=${() => this.grant(story, use)}>
          ${t.msg('grantYes')}
        </button>
        <button class="button" part="button keep" @click=${this.keep}>${t.msg('cancel')}</button>
      </div>
    </div>`;
  }
}
