/** What a member sees of their membership, on a group's card and on its page. */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError, isAuthError, type KindredClient } from '../core/api-client.ts';
import type { Localizer, MessageKey } from '../core/i18n.ts';
import type { KindredElement } from '../core/kindred-element.ts';
import type { GroupDto } from '../core/api-types.ts';

export type MembershipAction = 'join' | 'leave';

declare module '../core/events.ts' {
  interface KindredEventDetails {
    /** The member's membership of a group changed (ids only: a group's name can say a condition). */
    'kindred-membership-changed': { groupId: string; status: 'active' | 'requested' | 'invited' | null };
  }
}

export interface MembershipHost extends ReactiveControllerHost, HTMLElement {
  emit: KindredElement['emit'];
}

export interface MembershipOptions {
  api(): KindredClient | undefined;
  signedIn(): boolean;
  announce(message: string): void;
  /** The server's version of the group after an action; the host shows it and moves focus. */
  changed(group: GroupDto): Promise<void> | void;
}

/**
 * Joins, asks to join, accepts an invitation, leaves or withdraws, for a card or a group page:
 * asks the page to sign the member in first if needed, shows the action in flight, says what
 * happened, and always shows the server's resulting state (never a guess).
 */
export class MembershipController implements ReactiveController {
  /** The group whose action is in flight, and which. */
  busy: { slug: string; action: MembershipAction } | null = null;
  /** A failed action's message, or the signed-out hint, for one group. */
  notice: { slug: string; key: MessageKey; error: boolean } | null = null;

  constructor(
    private readonly host: MembershipHost,
    readonly t: Localizer,
    private readonly options: MembershipOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  act = async (group: GroupDto, action: MembershipAction): Promise<void> => {
    const api = this.options.api();
    if (this.busy || !api) return;
    this.notice = null;
    if (!this.options.signedIn()) {
      const event = this.host.emit('kindred-request-sign-in', { reason: 'join' }, { cancelable: true });
      if (!event.defaultPrevented) this.notice = { slug: group.slug, key: 'joinSignInHint', error: false };
      this.host.requestUpdate();
      return;
    }
    const before = group.membership?.status;
    this.busy = { slug: group.slug, action };
    this.host.requestUpdate();
    try {
      const updated = await api.mutate(action === 'join' ? 'groups.join' : 'groups.leave', { slug: group.slug });
      this.busy = null;
      this.options.announce(this.t.msg(outcome(before, updated), { name: updated.name }));
      this.host.emit('kindred-membership-changed', { groupId: updated.id, status: updated.membership?.status ?? null });
      await this.options.changed(updated);
    } catch (err) {
      const key: MessageKey =
        err instanceof ApiError && err.kindredCode === 'FORBIDDEN_ACTION' && action === 'join'
          ? 'joinForbidden'
          : isAuthError(err)
            ? 'joinSignInHint'
            : 'actionFailed';
      this.notice = { slug: group.slug, key, error: true };
    } finally {
      this.busy = null;
      this.host.requestUpdate();
    }
  };
}

/** What to say after a join or leave, from the state before and the server's answer. */
function outcome(before: string | undefined, after: GroupDto): MessageKey {
  const status = after.membership?.status;
  if (status === 'active') return before === 'invited' ? 'acceptedInvite' : 'joined';
  if (status === 'requested') return 'requested';
  return before === 'requested' ? 'withdrew' : 'left';
}

/** After an action, focus the membership it produced (the button pressed is gone), else the next button. */
export function focusMembership(root: ParentNode | null | undefined, slug: string): void {
  (root?.querySelector<HTMLElement>(`[data-status="${CSS.escape(slug)}"]`) ?? root?.querySelector<HTMLElement>('[part~="join-button"]'))?.focus();
}

export const POLICY: Record<GroupDto['joinPolicy'], MessageKey> = {
  open: 'policyOpen',
  request: 'policyRequest',
  invite: 'policyInvite',
};

export const READERS: Record<GroupDto['visibility'], MessageKey> = {
  public: 'readPublic',
  members: 'readMembers',
  group: 'readGroup',
};

const ROLE: Record<'mentor' | 'moderator', MessageKey> = { mentor: 'roleMentor', moderator: 'roleModerator' };

/** "You're a member · Mentor", "Request sent…", "You're invited", or nothing. Focusable by script after an action. */
export function membershipStatus(group: GroupDto, t: Localizer): TemplateResult | typeof nothing {
  const membership = group.membership;
  if (!membership) return nothing;
  const attrs = (kind: string, key: MessageKey) =>
    html`<span class="status ${kind}" part="membership-status" tabindex="-1" data-status=${group.slug}>${t.msg(key)}</span>`;
  if (membership.status === 'requested') return attrs('pending', 'statusRequested');
  if (membership.status === 'invited') return attrs('pending', 'statusInvited');
  const role = membership.role === 'member' ? null : ROLE[membership.role];
  return html`${attrs('active', 'statusMember')} ${role ? html`<span class="role" part="role">${t.msg(role)}</span>` : nothing}`;
}

/** The button that changes a membership: Join, Ask to join, Accept invitation. None for members. */
export function joinButton(group: GroupDto, view: MembershipController, describedBy: string): TemplateResult | typeof nothing {
  const { t } = view;
  const status = group.membership?.status;
  if (status === 'active' || status === 'requested') return nothing;
  if (group.joinPolicy === 'invite' && status !== 'invited') {
    return html`<span class="muted" part="invite-only">${t.msg('inviteOnlyHint')}</span>`;
  }
  const busy = view.busy?.slug === group.slug;
  const label: MessageKey = busy ? 'joining' : status === 'invited' ? 'acceptInvite' : group.joinPolicy === 'request' ? 'askToJoin' : 'join';
  return html`<button
    class="button primary"
    part="button join-button"
    aria-describedby=${describedBy}
    ?disabled=${busy}
    @click=${() => view.act(group, 'join')}
  >
    ${t.msg(label)}
  </button>`;
}

/** A failed action's message, or the signed-out hint, for this group. */
export function membershipNotice(group: GroupDto, view: MembershipController): TemplateResult | typeof nothing {
  const notice = view.notice?.slug === group.slug ? view.notice : null;
  if (!notice) return nothing;
  return notice.error
    ? html`<p class="hint error-text" part="error" role="alert">${view.t.msg(notice.key)}</p>`
    : html`<p class="hint muted" part="hint">${view.t.msg(notice.key)}</p>`;
}
