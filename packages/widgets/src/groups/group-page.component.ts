import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ApiError, type KindredClient } from '../core/api-client.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import type { KindredEvent } from '../core/events.ts';
import type { MessageKey } from '../core/i18n.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { errorPanel, loadMoreButton } from '../core/parts.ts';
import { KindredForum } from '../forum/forum.component.ts';
import { KeysetPager } from '../core/keyset-pager.ts';
import { baseStyles, listStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import type { GroupDto, JoinRequestDto } from '../core/api-types.ts';
import { groupPageStyles } from './group-page.styles.ts';
import { groupStyles } from './groups.styles.ts';
import { focusMembership, joinButton, MembershipController, membershipNotice, membershipStatus, POLICY, READERS } from './membership.ts';
import { tags } from './parts.ts';

type JoinRequest = JoinRequestDto & { id: string };

/** The group forum's parts, renamed `forum-<part>`: `kindred-groups::part(forum-thread)`. */
export const FORUM_PARTS = KindredForum.parts.map((part) => `forum-${part}`);
const FORUM_EXPORTPARTS = KindredForum.parts.map((part) => `${part}: forum-${part}`).join(', ');

declare module '../core/events.ts' {
  interface KindredEventDetails {
    /** Internal: the group page shows a new server version of its group (the directory updates its card). */
    'kindred-group-updated': { group: GroupDto };
    /** Internal: the group page asks to go back to the directory. */
    'kindred-close-group': Record<string, never>;
  }
}

/**
 * One group's page inside `<kindred-groups>`: about, the member's membership (join, ask, accept,
 * leave with a confirm step, withdraw), join requests for its moderators, and its forum. Loaded
 * (with the forum) only when a group is opened, so the directory's first render stays small.
 *
 * @event kindred-request-sign-in - cancelable, `{ reason: 'join' }`
 * @event kindred-membership-changed - `{ groupId, status }`
 */
export class GroupPage extends KindredElement {
  static readonly parts = [
    'group-page',
    'back',
    'group-title',
    'condition-tags',
    'condition-tag',
    'about',
    'group-description',
    'group-facts',
    'member-count',
    'join-policy',
    'readers',
    'membership-panel',
    'membership',
    'membership-status',
    'role',
    'join-button',
    'invite-only',
    'join-hint',
    'leave-button',
    'withdraw-button',
    'leave-confirm',
    'confirm-leave',
    'stay',
    'privacy-note',
    'requests',
    'request',
    'request-name',
    'approve-button',
    'decline-button',
    'load-more',
    'group-forum',
    'forum-locked',
    'skeleton',
    'button',
    'hint',
    'error',
    'retry',
  ] as const;
  static override styles = [baseStyles, viewStyles, listStyles, groupStyles, groupPageStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  @property() slug = '';
  /** The group as the directory knows it: shown at once, no request. */
  @property({ attribute: false }) group: GroupDto | null = null;
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;
  /** For the group's forum: the raw client (it wraps its own session), the token and the theme. */
  @property({ attribute: false }) forumClient?: KindredClient;
  @property() token = '';
  @property() theme?: string;

  @state() private status: 'loading' | 'ready' | 'error' = 'loading';
  @state() private error: unknown;
  @state() private confirmingLeave = false;
  @state() private deciding = '';
  @state() private decideFailed = '';
  private abort?: AbortController;

  private readonly membership = new MembershipController(this, this.i18n, {
    api: () => this.client,
    signedIn: () => this.signedIn,
    announce: (message) => this.announce?.(message),
    changed: async (group) => {
      this.confirmingLeave = false;
      this.show(group);
      await this.updateComplete;
      focusMembership(this.renderRoot.querySelector('.membership-panel'), group.slug);
    },
  });

  private readonly requests = new KeysetPager<JoinRequest>(this, async (cursor, signal) => {
    const page = await this.client!.query('groups.requests', { slug: this.slug, cursor }, { signal });
    return { ...page, items: page.items.map((r) => ({ ...r, id: r.member.id })) };
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('group') && this.group) this.status = 'ready';
    // A new group, or a new client or member: load what this member may see of it.
    if ((changed.has('slug') || changed.has('client') || changed.has('signedIn') || changed.has('token')) && this.client && this.slug) {
      const known = changed.has('slug') && this.group?.slug === this.slug;
      void this.load(!known);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  /** Loads the group (unless the directory handed it over) and, for its moderators, the requests. */
  private async load(fetchGroup: boolean): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.confirmingLeave = false;
    this.requests.items = [];
    this.requests.status = 'idle';
    if (fetchGroup) {
      if (this.group?.slug !== this.slug) this.status = 'loading';
      try {
        this.group = await this.client!.query('groups.get', { slug: this.slug }, { signal: abort.signal });
      } catch (err) {
        if (abort.signal.aborted) return;
        this.error = err;
        this.status = 'error';
        this.group = null;
        return;
      }
    }
    if (!abort.signal.aborted) this.show(this.group!, false);
  }

  /** Shows the server's version of the group, and tells the directory. */
  private show(group: GroupDto, tell = true): void {
    this.group = group;
    this.status = 'ready';
    if (tell) this.emit('kindred-group-updated', { group }, { composed: false });
    if (this.isModerator && this.requests.status === 'idle') void this.requests.reload();
  }

  private get isModerator(): boolean {
    const m = this.group?.membership;
    return m?.status === 'active' && m.role === 'moderator';
  }

  async focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#group-title')?.focus();
  }

  private back = (): void => void this.emit('kindred-close-group', {}, { composed: false });

  private askToLeave = async (): Promise<void> => {
    this.confirmingLeave = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm')?.focus();
  };

  private stay = async (): Promise<void> => {
    this.confirmingLeave = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="leave-button"]')?.focus();
  };

  /** The group's forum asks to join (a non-member tried to take part): join here. */
  private onForumJoinRequest = (event: KindredEvent<'kindred-request-join'>): void => {
    if (!this.group || event.detail.group !== this.group.slug) return;
    event.preventDefault();
    void this.membership.act(this.group, 'join');
  };

  private decide = async (request: JoinRequest, approve: boolean): Promise<void> => {
    const group = this.group;
    if (!group || this.deciding) return;
    this.deciding = request.id;
    this.decideFailed = '';
    try {
      await this.client!.mutate('groups.decideRequest', { slug: group.slug, memberId: request.id, approve });
      const index = this.requests.items.findIndex((r) => r.id === request.id);
      this.requests.items = this.requests.items.filter((r) => r.id !== request.id);
      this.announce?.(this.i18n.msg(approve ? 'approved' : 'declined', { name: request.member.displayName }));
      // The member count changed on the server: show its number, not ours.
      if (approve) this.show(await this.client!.query('groups.get', { slug: group.slug }));
      this.deciding = '';
      await this.updateComplete;
      (this.renderRoot.querySelectorAll<HTMLElement>('[part~="approve-button"]')[index] ??
        this.renderRoot.querySelector<HTMLElement>('#requests-heading'))?.focus();
    } catch {
      this.decideFailed = request.id;
    } finally {
      this.deciding = '';
    }
  };

  private number(n: number): string {
    return new Intl.NumberFormat(this.i18n.locale).format(n);
  }

  override render(): TemplateResult {
    const t = this.i18n;
    const group = this.group;
    const back = html`<button class="button quiet back" part="button back" @click=${this.back}>
      <span aria-hidden="true">←</span> ${t.msg('allGroups')}
    </button>`;
    if (!group || this.status !== 'ready') {
      const notFound = this.error instanceof ApiError && this.error.kindredCode === 'NOT_FOUND';
      return html`<div class="group-page" part="group-page">
        ${back}
        <h2 id="group-title" class="visually-hidden" tabindex="-1">${t.msg('loadingGroup')}</h2>
        ${this.status === 'loading'
          ? html`<div aria-busy="true" part="skeleton">
              <p class="visually-hidden">${t.msg('loadingGroup')}</p>
              <div aria-hidden="true" class="page-skeleton">
                <span class="skeleton-line title"></span><span class="skeleton-line"></span><span class="skeleton-line"></span
                ><span class="skeleton-line short"></span>
              </div>
            </div>`
          : notFound
            ? html`<div class="panel error" part="error" role="alert"><p>${t.msg('groupNotFound')}</p></div>`
            : errorPanel(t, this.error, () => void this.load(true))}
      </div>`;
    }
    const count = this.i18n.msg('memberCount', { count: group.memberCount, n: this.number(group.memberCount) });
    return html`<article class="group-page" part="group-page" aria-labelledby="group-title">
      ${back}
      <header class="page-header">
        <h2 id="group-title" part="group-title" tabindex="-1">${group.name}</h2>
        ${tags(group)}
      </header>
      <div class="page-grid">
        <section class="panel" part="about" aria-labelledby="about-heading">
          <h3 id="about-heading">${t.msg('aboutHeading')}</h3>
          <p class="about-text" part="group-description">${group.description}</p>
          <dl part="group-facts">
            <dt>${t.msg('factMembers')}</dt>
            <dd part="member-count">${count}</dd>
            <dt>${t.msg('factJoin')}</dt>
            <dd part="join-policy">${t.msg(POLICY[group.joinPolicy])}</dd>
            <dt>${t.msg('factRead')}</dt>
            <dd part="readers">${t.msg(READERS[group.visibility])}</dd>
          </dl>
        </section>
        ${this.renderMembership(group)}
      </div>
      ${this.isModerator ? this.renderRequests() : nothing} ${this.renderForum(group)}
    </article>`;
  }

  private renderMembership(group: GroupDto): TemplateResult {
    const t = this.i18n;
    const status = group.membership?.status;
    const busy = this.membership.busy?.action === 'leave';
    const leaveText: MessageKey =
      group.joinPolicy === 'invite' ? 'leaveConfirmTextInvite' : group.joinPolicy === 'request' ? 'leaveConfirmTextAsk' : 'leaveConfirmText';
    const act = () => void this.membership.act(group, 'leave');
    return html`<section class="panel membership-panel" part="membership-panel" aria-labelledby="membership-heading">
      <h3 id="membership-heading">${t.msg('membershipHeading')}</h3>
      <div class="membership" part="membership">
        ${membershipStatus(group, t)} ${joinButton(group, this.membership, 'group-title')}
        ${status === 'requested'
          ? html`<button class="button" part="button withdraw-button" ?disabled=${busy} @click=${act}>
              ${t.msg(busy ? 'withdrawing' : 'withdraw')}
            </button>`
          : nothing}
        ${status === 'active' && !this.confirmingLeave
          ? html`<button class="button" part="button leave-button" @click=${this.askToLeave}>${t.msg('leave')}</button>`
          : nothing}
        ${membershipNotice(group, this.membership)}
      </div>
      ${!status && group.joinPolicy !== 'invite'
        ? html`<p class="join-hint" part="join-hint">${t.msg(group.joinPolicy === 'request' ? 'joinHintRequest' : 'joinHintOpen')}</p>`
        : nothing}
      ${status === 'active' && this.confirmingLeave
        ? html`<div
            class="confirm"
            part="leave-confirm"
            role="group"
            tabindex="-1"
            aria-labelledby="leave-title"
            aria-describedby="leave-text"
            @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.stay()}
          >
            <h4 id="leave-title">${t.msg('leaveConfirmTitle', { name: group.name })}</h4>
            <p id="leave-text">${t.msg(leaveText)}</p>
            <div class="actions">
              <button class="button primary" part="button confirm-leave" ?disabled=${busy} @click=${act}>
                ${t.msg(busy ? 'leaving' : 'confirmLeave')}
              </button>
              <button class="button" part="button stay" ?disabled=${busy} @click=${this.stay}>${t.msg('stay')}</button>
            </div>
          </div>`
        : html`<p class="muted privacy-note" part="privacy-note">${t.msg('privacyNote')}</p>`}
    </section>`;
  }

  private renderRequests(): TemplateResult {
    const t = this.i18n;
    const { requests } = this;
    const count = requests.items.length;
    const heading = requests.loading
      ? t.msg('loadingRequests')
      : t.msg(requests.nextCursor ? 'requestsMore' : 'requestsHeading', { n: this.number(count) });
    return html`<section class="requests panel" part="requests" aria-labelledby="requests-heading" aria-busy=${requests.loading ? 'true' : 'false'}>
      <h3 id="requests-heading" tabindex="-1">${heading}</h3>
      ${requests.status === 'error'
        ? errorPanel(t, requests.error, () => void requests.reload())
        : requests.status === 'ready' && !count
          ? html`<p class="muted">${t.msg('requestsNone')}</p>`
          : html`<ul class="request-list" role="list">
              ${requests.items.map((request) => this.renderRequest(request))}
            </ul>`}
      ${loadMoreButton(requests, t, 'loadMoreRequests', () => void requests.loadMore())}
    </section>`;
  }

  private renderRequest(request: JoinRequest): TemplateResult {
    const t = this.i18n;
    const nameId = `request-${request.id}`;
    const busy = this.deciding === request.id;
    return html`<li class="request" part="request">
      <div>
        <p class="request-name" id=${nameId} part="request-name">${request.member.displayName}</p>
        <p class="muted">
          <time datetime=${request.requestedAt} title=${t.dateTime(request.requestedAt)}
            >${t.msg('requestedAgo', { time: t.relativeTime(request.requestedAt) })}</time
          >
        </p>
        ${this.decideFailed === request.id ? html`<p class="error-text" part="error" role="alert">${t.msg('actionFailed')}</p>` : nothing}
      </div>
      <div class="actions">
        <button class="button primary" part="button approve-button" aria-describedby=${nameId} ?disabled=${busy} @click=${() => void this.decide(request, true)}>
          ${t.msg('approve')}
        </button>
        <button class="button" part="button decline-button" aria-describedby=${nameId} ?disabled=${busy} @click=${() => void this.decide(request, false)}>
          ${t.msg('decline')}
        </button>
      </div>
    </li>`;
  }

  private renderForum(group: GroupDto): TemplateResult {
    if (!group.canRead) {
      return html`<div class="group-forum panel" part="group-forum forum-locked">
        <p>${this.i18n.msg(this.signedIn ? 'forumMembersOnly' : 'forumSignIn')}</p>
      </div>`;
    }
    // Keyed on the membership, so the forum starts afresh (and may post) once the member joins.
    return html`<div class="group-forum" part="group-forum">
      ${keyed(
        `${group.slug}:${group.membership?.status ?? 'none'}`,
        html`<kindred-forum
          .client=${this.forumClient}
          group=${group.slug}
          token=${this.token}
          theme=${this.theme ?? nothing}
          lang=${this.i18n.locale}
          exportparts=${FORUM_EXPORTPARTS}
          @kindred-request-join=${this.onForumJoinRequest}
        ></kindred-forum>`,
      )}
    </div>`;
  }
}
