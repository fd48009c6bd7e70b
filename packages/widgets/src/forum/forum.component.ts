import { ContextProvider } from '@lit/context';
import type { ThreadSummaryDto } from '@kindred/api/router';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { createClient, withSession, type KindredClient } from '../core/api-client.ts';
import { announceContext, clientContext } from '../core/context.ts';
import type { KindredEvent } from '../core/events.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { session } from '../core/session.ts';
import { baseStyles } from '../core/styles.ts';
import { themeTokens } from '../core/theme.ts';
import { ForumComposer } from './composer.component.ts';
import { forumStyles } from './forum.styles.ts';
import { ForumThreadList } from './thread-list.component.ts';
import { ForumThreadView } from './thread-view.component.ts';

/** How long to wait for the page to answer `kindred-request-token`. */
const TOKEN_WAIT_MS = 10_000;
/** The API is served from the origin that served this script, unless `api-base` says otherwise. */
const DEFAULT_API_BASE = new URL(/* @vite-ignore */ '/', import.meta.url).href;

/**
 * A support forum: a list of conversations, a thread view, and composers for signed-in members.
 *
 * @attr key - the tenant's publishable key (`pk_...`). Required unless `.client` is set.
 * @attr group - a group's slug; omitted: the general forum.
 * @attr token - the member's token; wins over `Kindred.setToken()`.
 * @attr theme - `light` (default), `dark` or `auto` (follows the device).
 * @attr api-base - where the API is; default: the origin kindred.js came from.
 * @attr lang - `en` or `es`; default: the nearest `lang` up the page, else English.
 * @event kindred-request-sign-in - cancelable, `{ reason: 'reply' | 'new-thread' }`
 * @event kindred-request-token - cancelable, `{ reason: 'expired' }`; cancel it to say "a fresh token is coming".
 * @event kindred-thread-created - `{ threadId }`
 * @event kindred-reply-created - `{ threadId, postId }`
 * @cssproperty --kindred-forum-min-height - height kept while the forum loads (default 28rem).
 */
export class KindredForum extends KindredElement {
  static readonly parts = ['base', 'header', 'heading', ...ForumThreadList.parts, ...ForumThreadView.parts] as const;
  static override styles = [themeTokens, baseStyles, forumStyles];

  @property() key = '';
  @property() group = '';
  @property() token: string | null = null;
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  @property({ attribute: 'api-base' }) apiBase = '';
  /** Set a client (e.g. a mock) instead of talking to the API with `key`. */
  @property({ attribute: false }) client?: KindredClient;

  @state() private openThread: ThreadSummaryDto | null = null;
  @state() private pageToken = session.token;
  /** The current token was refused (or expired with no replacement): show signed out until it changes. */
  @state() private tokenRefused = false;
  @state() private announcement = '';

  @query('kindred-forum-thread-list') private list?: ForumThreadList;
  @query('kindred-forum-thread-view') private threadView?: ForumThreadView;

  private readonly clientProvider = new ContextProvider(this, { context: clientContext });
  private readonly tokenWatchers = new Set<() => void>();
  private tokenRefresh: Promise<boolean> | undefined;
  private unsubscribe: (() => void) | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly queuedAnnouncements: string[] = [];

  constructor() {
    super();
    new ContextProvider(this, { context: announceContext, initialValue: (message: string) => this.announce(message) });
  }

  /** The token requests carry: the attribute's, else the page's; none once refused. */
  get currentToken(): string | null {
    return this.tokenRefused ? null : this.token || this.pageToken || null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.pageToken = session.token;
    this.unsubscribe = session.subscribe(() => (this.pageToken = session.token));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('token') || changed.has('pageToken')) {
      this.tokenRefused = false;
      for (const watcher of this.tokenWatchers) watcher();
    }
    if (changed.has('client') || changed.has('key') || changed.has('apiBase') || !this.clientProvider.value) {
      const raw =
        this.client ?? createClient({ base: this.apiBase || DEFAULT_API_BASE, key: this.key, getToken: () => this.currentToken });
      this.clientProvider.setValue(
        withSession(raw, {
          refreshToken: () => (this.tokenRefresh ??= this.requestToken().finally(() => (this.tokenRefresh = undefined))),
          signOut: () => (this.tokenRefused = true),
        }),
      );
    }
  }

  /**
   * Asks the page for a fresh token. Like every `kindred-request-*` event, cancelling it means
   * "the page is handling this": the forum then waits (up to TOKEN_WAIT_MS) for
   * `Kindred.setToken()` or the `token` attribute. Nobody cancelling means nobody will answer.
   */
  private requestToken(): Promise<boolean> {
    const expired = this.currentToken;
    const hasNew = () => this.currentToken !== null && this.currentToken !== expired;
    const event = this.emit('kindred-request-token', { reason: 'expired' }, { cancelable: true });
    if (hasNew()) return Promise.resolve(true);
    if (!event.defaultPrevented) return Promise.resolve(false);
    return new Promise((resolve) => {
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.tokenWatchers.delete(watcher);
        resolve(ok);
      };
      const watcher = () => hasNew() && finish(true);
      const timer = setTimeout(() => finish(false), TOKEN_WAIT_MS);
      this.tokenWatchers.add(watcher);
    });
  }

  /**
   * Speaks in the polite live region. The region is cleared first so repeated words are said
   * again; messages arriving together are said together rather than overwriting each other.
   */
  private announce(message: string): void {
    this.announcement = '';
    this.queuedAnnouncements.push(message);
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.announcement = this.queuedAnnouncements.splice(0).join(' ')), 80);
  }

  private open = async (event: KindredEvent<'kindred-open-thread'>): Promise<void> => {
    this.openThread = event.detail.thread;
    await this.updateComplete;
    await this.threadView?.focusHeading();
  };

  private close = async (): Promise<void> => {
    const id = this.openThread?.id;
    this.openThread = null;
    if (id) await this.list?.focusThread(id);
  };

  private onPosted = async (event: KindredEvent<'kindred-posted'>): Promise<void> => {
    if (!('thread' in event.detail)) return;
    this.list?.addThread(event.detail.thread);
    this.openThread = event.detail.thread;
    await this.updateComplete;
    await this.threadView?.focusHeading();
  };

  private onReplyCreated = (event: KindredEvent<'kindred-reply-created'>): void => {
    this.list?.countReply(event.detail.threadId, new Date().toISOString());
  };

  override render(): TemplateResult {
    const t = this.i18n;
    const signedIn = this.currentToken !== null;
    const lang = t.locale;
    const thread = this.openThread;
    return html`<section class="forum" part="base" aria-labelledby="forum-heading" @kindred-reply-created=${this.onReplyCreated}>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      <div class="list-view" ?hidden=${thread !== null}>
        <header class="forum-header" part="header">
          <h2 id="forum-heading" part="heading">${t.msg('forumHeading')}</h2>
          <kindred-forum-composer
            mode="new-thread"
            group=${this.group}
            ?signed-in=${signedIn}
            lang=${lang}
            exportparts=${ForumComposer.parts.join(', ')}
            @kindred-posted=${this.onPosted}
          ></kindred-forum-composer>
        </header>
        <kindred-forum-thread-list
          group=${this.group}
          lang=${lang}
          exportparts=${ForumThreadList.parts.join(', ')}
          @kindred-open-thread=${this.open}
        ></kindred-forum-thread-list>
      </div>
      ${thread
        ? html`<kindred-forum-thread-view
            .summary=${thread}
            ?signed-in=${signedIn}
            lang=${lang}
            exportparts=${ForumThreadView.parts.join(', ')}
            @kindred-close-thread=${this.close}
          ></kindred-forum-thread-view>`
        : null}
    </section>`;
  }
}
