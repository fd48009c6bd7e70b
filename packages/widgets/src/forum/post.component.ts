import { consume } from '@lit/context';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { KindredClient } from '../core/api-client.ts';
import type { MemberCardDto, PostDto, ReactionKind } from '../core/api-types.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import { loadErrorMessage } from '../core/errors.ts';
import type { KindredEvent } from '../core/events.ts';
import { sanitisedHtml } from '../core/html.ts';
import type { MessageKey } from '../core/i18n.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { ownStatus, ownStatusStyles } from '../core/moderation/status.ts';
import type { Popover } from '../core/popover.ts';
import { popoverStyles } from '../core/popover.styles.ts';
import { baseStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import './thread-messages.ts';
import { ForumComposer } from './composer.component.ts';
import { postStyles } from './thread.styles.ts';
import { avatar, badges, contentWarningToggle } from './parts.ts';

const KINDS: readonly ReactionKind[] = ['support', 'helpful', 'me_too'];
type PopoverName = 'menu' | 'picker' | 'card';

/**
 * One post: author (a button opening the member's card), badges, times, content warning,
 * the sanitised body, reactions with a picker, and an action menu (edit, delete, mark helpful,
 * report). Every change goes up as `kindred-post-changed`; the thread view owns the list.
 * The author's own post, while others cannot see it, says so ("Awaiting review" and why).
 *
 * @event kindred-request-sign-in - cancelable, `{ reason: 'react' }`, when a signed-out member reacts.
 */
export class ForumPost extends KindredElement {
  static readonly parts = [
    'post',
    'opening-post',
    'post-header',
    'post-author',
    'avatar',
    'badge',
    'post-time',
    'edited',
    'helpful-label',
    'moderation-status',
    'content-warning',
    'show-post',
    'post-body',
    'tombstone',
    'reactions',
    'reaction',
    'reaction-picker',
    'actions-button',
    'menu',
    'menu-item',
    'user-card',
    'button',
    'error',
    ...ForumComposer.parts,
  ] as const;
  static override styles = [baseStyles, viewStyles, popoverStyles, postStyles, ownStatusStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  @property({ attribute: false }) post!: PostDto;
  /** The viewer started this thread (may mark replies helpful). */
  @property({ type: Boolean, attribute: 'thread-own' }) threadOwn = false;
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;
  @property() group = '';
  @property({ attribute: false }) threadTitle = '';

  @state() private revealed = false;
  @state() private editing = false;
  @state() private confirmingDelete = false;
  @state() private reporting = false;
  @state() private open: PopoverName | null = null;
  @state() private card: MemberCardDto | 'loading' | 'error' | undefined;
  @state() private problem: MessageKey | null = null;
  @state() private signInHint = false;
  private activePopover: Popover | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.activePopover?.close(false);
  }

  override render(): TemplateResult {
    const { post } = this;
    const t = this.i18n;
    const part = post.isOpening ? 'post opening-post' : 'post';
    if (post.deletedAt) {
      return html`<article class="post deleted" part="${part} tombstone" data-post-id=${post.id} tabindex="-1">
        <p class="muted">${t.msg('deletedPost')}</p>
      </article>`;
    }
    const warned = post.contentWarning !== null && !this.editing;
    return html`<article
      class="post ${post.isOpening ? 'opening' : ''} ${post.markedHelpful && !post.isOpening ? 'helpful' : ''}"
      part=${part}
      data-post-id=${post.id}
      tabindex="-1"
      aria-label=${post.isOpening ? t.msg('openingPost') : nothing}
    >
      ${post.markedHelpful && !post.isOpening
        ? html`<p class="helpful-label" part="helpful-label">
            <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16"><path d="M4 10.5l4 4 8-9" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" /></svg>
            ${t.msg('markedHelpful')}
          </p>`
        : nothing}
      <header class="post-header" part="post-header">
        <div class="byline">
          ${this.renderAuthor()}
          <span class="times muted">
            <time part="post-time" datetime=${post.createdAt} title=${t.dateTime(post.createdAt)}>${t.relativeTime(post.createdAt)}</time>
            ${post.editedAt
              ? html`<span class="edited" part="edited" title=${t.dateTime(post.editedAt)}
                  >${t.msg('editedAt', { time: t.relativeTime(post.editedAt) })}</span
                >`
              : nothing}
          </span>
        </div>
        ${this.renderMenu()}
      </header>
      ${post.isOwn ? ownStatus(t, post) : nothing}
      ${this.editing
        ? html`<kindred-forum-composer
            mode="edit"
            signed-in
            .post=${post}
            .threadTitle=${this.threadTitle}
            lang=${t.locale}
            exportparts=${ForumComposer.parts.join(', ')}
            @kindred-post-changed=${this.onEdited}
            @kindred-compose-cancelled=${this.stopEditing}
          ></kindred-forum-composer>`
        : html`${warned ? contentWarningToggle(t, post.contentWarning!, this.revealed, `body-${post.id}`, this.toggleReveal) : nothing}
            <div id="body-${post.id}" class="post-body rich" part="post-body" ?hidden=${warned && !this.revealed}>
              ${sanitisedHtml(post.bodyHtml)}
            </div>`}
      ${this.confirmingDelete ? this.renderConfirmDelete() : nothing}
      ${this.problem ? html`<p class="error-text" part="error" role="alert">${t.msg(this.problem)}</p>` : nothing}
      ${this.editing ? nothing : this.renderReactions()}
      ${this.reporting
        ? html`<kindred-forum-report-dialog
            .postId=${post.id}
            lang=${t.locale}
            @kindred-dialog-closed=${this.closeReport}
          ></kindred-forum-report-dialog>`
        : nothing}
    </article>`;
  }

  private renderAuthor(): TemplateResult {
    const t = this.i18n;
    const { author, anonymous, isOwn } = this.post;
    if (!author || (anonymous && isOwn)) {
      const name = t.msg(author ? 'youAnonymous' : 'anonymousMember');
      return html`${avatar(null)}<span class="post-author" part="post-author">${name}</span>`;
    }
    const card = this.card;
    return html`${avatar(author.displayName)}
      <button
        class="post-author link-button"
        part="post-author"
        aria-haspopup="dialog"
        aria-expanded=${this.open === 'card' ? 'true' : 'false'}
        aria-controls="card"
        @click=${(e: Event) => this.toggle('card', e.currentTarget as HTMLElement)}
      >
        ${author.displayName}
      </button>
      ${badges(t, author.badges)}
      <div id="card" class="popover user-card" part="user-card" role="dialog" aria-labelledby="card-name" tabindex="-1" data-autofocus hidden>
        <p id="card-name" class="card-name">${author.displayName}</p>
        ${card === 'loading' || card === undefined
          ? html`<p class="muted">${t.msg('loadingMore')}</p>`
          : card === 'error'
            ? html`<p class="error-text">${t.msg('errorGeneric')}</p>`
            : html`${badges(t, card.badges)}
                ${card.groupRole ? html`<p>${t.msg(`role_${card.groupRole}`)}</p>` : nothing}
                <p class="muted">${t.msg('memberSince', { date: new Intl.DateTimeFormat(t.locale, { month: 'long', year: 'numeric' }).format(new Date(card.joinedAt)) })}</p>`}
      </div>`;
  }

  private renderMenu(): TemplateResult | typeof nothing {
    if (!this.signedIn) return nothing;
    const t = this.i18n;
    const { post } = this;
    const item = (label: MessageKey, action: () => void) =>
      html`<button role="menuitem" class="menu-item" part="menu-item" tabindex="-1" @click=${() => this.fromMenu(action)}>${t.msg(label)}</button>`;
    const canMarkHelpful = this.threadOwn && !post.isOpening;
    return html`<button
        class="button quiet icon actions-button"
        part="button actions-button"
        aria-label=${t.msg('postActions')}
        aria-haspopup="menu"
        aria-expanded=${this.open === 'menu' ? 'true' : 'false'}
        aria-controls="menu"
        @click=${(e: Event) => this.toggle('menu', e.currentTarget as HTMLElement)}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20"><circle cx="4" cy="10" r="1.8" fill="currentColor" /><circle cx="10" cy="10" r="1.8" fill="currentColor" /><circle cx="16" cy="10" r="1.8" fill="currentColor" /></svg>
      </button>
      <div id="menu" class="popover menu" part="menu" role="menu" aria-label=${t.msg('postActions')} hidden>
        ${post.isOwn ? html`${item('editPost', this.startEditing)}${item('deletePost', this.askDelete)}` : nothing}
        ${canMarkHelpful ? item(post.markedHelpful ? 'unmarkHelpful' : 'markHelpful', this.toggleHelpful) : nothing}
        ${post.isOwn ? nothing : item('report', this.openReport)}
      </div>`;
  }

  private renderReactions(): TemplateResult {
    const t = this.i18n;
    const { post } = this;
    const shown = KINDS.filter((k) => post.reactions[k] > 0 || post.myReactions.includes(k));
    return html`<div class="reactions" part="reactions" role="group" aria-label=${t.msg('reactions')}>
      ${shown.map(
        (kind) => html`<button
          class="reaction"
          part="button reaction"
          aria-pressed=${post.myReactions.includes(kind) ? 'true' : 'false'}
          @click=${() => this.react(kind)}
        >
          ${t.msg(`react_${kind}`)} <span class="count">${post.reactions[kind]}</span>
        </button>`,
      )}
      <button
        class="reaction add"
        part="button reaction-picker"
        aria-label=${t.msg('reactionPicker')}
        aria-haspopup="menu"
        aria-expanded=${this.open === 'picker' ? 'true' : 'false'}
        aria-controls="picker"
        @click=${(e: Event) => (this.signedIn ? this.toggle('picker', e.currentTarget as HTMLElement) : this.requestSignIn())}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><circle cx="9" cy="10" r="6.5" fill="none" stroke="currentColor" stroke-width="1.6" /><path d="M6.5 11.5q2.5 2.5 5 0" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" /><path d="M16 2v5M13.5 4.5h5" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" /></svg>
      </button>
      <div id="picker" class="popover menu picker" part="menu" role="menu" aria-label=${t.msg('reactionPicker')} hidden>
        ${KINDS.map(
          (kind) => html`<button
            role="menuitemcheckbox"
            class="menu-item"
            part="menu-item"
            tabindex="-1"
            aria-checked=${post.myReactions.includes(kind) ? 'true' : 'false'}
            @click=${() => this.fromMenu(() => this.react(kind))}
          >
            ${t.msg(`react_${kind}`)}
          </button>`,
        )}
      </div>
      ${this.signInHint ? html`<p class="muted sign-in-hint" role="status">${t.msg('signInToReact')}</p>` : nothing}
    </div>`;
  }

  private renderConfirmDelete(): TemplateResult {
    const t = this.i18n;
    return html`<div class="confirm panel" part="confirm" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text" tabindex="-1">${t.msg('deleteConfirm')}</p>
      <div class="actions">
        <button class="button danger" part="button confirm-delete" @click=${this.deletePost}>${t.msg('deleteConfirmButton')}</button>
        <button class="button quiet" part="button cancel" @click=${this.cancelDelete}>${t.msg('cancel')}</button>
      </div>
    </div>`;
  }

  private toggleReveal = (): void => {
    this.revealed = !this.revealed;
  };

  private async toggle(name: PopoverName, trigger: HTMLElement): Promise<void> {
    if (this.open === name) return this.activePopover?.close(true);
    if (name === 'card') void this.loadCard();
    const { openPopover } = await import('../core/popover.ts');
    this.open = name;
    await this.updateComplete;
    const panel = this.renderRoot.querySelector<HTMLElement>(`#${name}`)!;
    this.activePopover = openPopover(trigger, panel, {
      placement: name === 'picker' ? 'top-start' : name === 'menu' ? 'bottom-end' : 'bottom-start',
      onClose: () => {
        if (this.open === name) this.open = null;
      },
    });
  }

  private async loadCard(): Promise<void> {
    if (this.card && this.card !== 'error') return;
    this.card = 'loading';
    try {
      this.card = await this.client!.query('forum.memberCard', { memberId: this.post.author!.id, group: this.group || undefined });
    } catch {
      this.card = 'error';
    }
  }

  /** Runs a menu item's action after the menu closed (focus goes where the action puts it). */
  private fromMenu(action: () => void): void {
    this.activePopover?.close(false);
    action();
  }

  private get menuButton(): HTMLElement | null {
    return this.renderRoot.querySelector('[part~="actions-button"]');
  }

  private changed(post: PostDto, title?: string): void {
    this.emit('kindred-post-changed', title === undefined ? { post } : { post, title }, { composed: false });
  }

  private startEditing = async (): Promise<void> => {
    this.editing = true;
    this.problem = null;
    await this.updateComplete;
    await this.renderRoot.querySelector<ForumComposer>('kindred-forum-composer')?.focusFirst();
  };

  private stopEditing = async (): Promise<void> => {
    this.editing = false;
    await this.updateComplete;
    this.menuButton?.focus();
  };

  private onEdited = (event: KindredEvent<'kindred-post-changed'>): void => {
    event.stopPropagation();
    this.changed(event.detail.post, event.detail.title);
    void this.stopEditing();
  };

  private askDelete = async (): Promise<void> => {
    this.confirmingDelete = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-text')?.focus();
  };

  private cancelDelete = async (): Promise<void> => {
    this.confirmingDelete = false;
    await this.updateComplete;
    this.menuButton?.focus();
  };

  private deletePost = async (): Promise<void> => {
    try {
      const post = await this.client!.mutate('forum.deletePost', { postId: this.post.id });
      this.confirmingDelete = false;
      this.changed(post);
      this.announce?.(this.i18n.msg('postDeleted'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('article')?.focus();
    } catch (err) {
      this.fail(err);
    }
  };

  private toggleHelpful = async (): Promise<void> => {
    const helpful = !this.post.markedHelpful;
    try {
      const post = await this.client!.mutate('forum.markHelpful', { postId: this.post.id, helpful });
      this.changed(post);
      this.announce?.(this.i18n.msg(helpful ? 'helpfulMarked' : 'helpfulUnmarked'));
    } catch (err) {
      this.fail(err);
    }
    this.menuButton?.focus();
  };

  private requestSignIn(): void {
    const event = this.emit('kindred-request-sign-in', { reason: 'react' }, { cancelable: true });
    this.signInHint = !event.defaultPrevented;
  }

  /** Optimistic: the count changes at once; if the API refuses, it goes back and says so. */
  private async react(kind: ReactionKind): Promise<void> {
    if (!this.signedIn) return this.requestSignIn();
    const before = this.post;
    const on = !before.myReactions.includes(kind);
    this.problem = null;
    this.changed({
      ...before,
      reactions: { ...before.reactions, [kind]: Math.max(0, before.reactions[kind] + (on ? 1 : -1)) },
      myReactions: on ? [...before.myReactions, kind] : before.myReactions.filter((k) => k !== kind),
    });
    try {
      const result = await this.client!.mutate('forum.react', { postId: before.id, kind, on });
      this.changed({ ...this.post, reactions: result.reactions, myReactions: result.myReactions });
    } catch (err) {
      this.changed({ ...this.post, reactions: before.reactions, myReactions: before.myReactions });
      this.problem = 'reactionFailed';
      this.announce?.(this.i18n.msg('reactionFailed'));
      void err;
    }
  }

  private openReport = async (): Promise<void> => {
    await import('./report-dialog.component.ts');
    this.reporting = true;
  };

  private closeReport = async (): Promise<void> => {
    this.reporting = false;
    await this.updateComplete;
    this.menuButton?.focus();
  };

  private fail(err: unknown): void {
    const key = loadErrorMessage(err);
    this.problem = key === 'errorGeneric' || key === 'errorNetwork' ? 'actionFailed' : key;
  }
}
