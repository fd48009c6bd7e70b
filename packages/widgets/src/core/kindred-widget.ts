import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { KindredClient } from './api-client.ts';
import { stringsReady } from './i18n.ts';
import { KindredElement } from './kindred-element.ts';
import { LiveRegion } from './live-region.ts';
import { MemberSession } from './member-session.ts';

/**
 * The base of a widget's top element (the one a page embeds): the attributes every widget takes,
 * the member's session (token, client, token refresh; see member-session.ts) and the widget's one
 * polite live region. Nested elements get the client and `announce` through @lit/context.
 */
export class KindredWidget extends KindredElement {
  /** The tenant's publishable key (`pk_...`). Required unless `.client` is set. */
  @property() key = '';
  /** The member's token; wins over `Kindred.setToken()`. */
  @property() token: string | null = null;
  /**
   * `light`, `dark` or `auto` (follows the device). Unset: the tenant's colour scheme from its
   * theme (core/tenant-theme.ts), light until that arrives.
   */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';
  @property({ attribute: 'api-base' }) apiBase = '';
  /** Set a client (e.g. a mock) instead of talking to the API with `key`. */
  @property({ attribute: false }) client?: KindredClient;

  protected readonly member = new MemberSession(this);
  protected readonly liveRegion = new LiveRegion(this);
  private shownStrings = false;

  /** The token requests carry: the attribute's, else the page's; null when signed out. */
  get currentToken(): string | null {
    return this.member.token;
  }

  /**
   * Whether the first render should wait for this page's strings (a Spanish page, before its
   * chunk arrives): render only the frame, which keeps the height, rather than flash English.
   * Once content is on screen it stays; strings registered later (a lazy chunk's) re-render it.
   */
  protected waitForStrings(): boolean {
    this.shownStrings ||= stringsReady(this.i18n.locale);
    return !this.shownStrings;
  }

  /** The live region; render it once, in the widget's frame. */
  protected renderLiveRegion(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.liveRegion.text}</div>`;
  }
}
