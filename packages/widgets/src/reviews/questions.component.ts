import { consume } from '@lit/context';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isAuthError, newIdempotencyKey, type KindredClient } from '../core/api-client.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import { sanitisedHtml, sanitisedHtmlStyles } from '../core/html.ts';
import type { MessageKey } from '../core/i18n.ts';
import { KeysetPager } from '../core/keyset-pager.ts';
import { define, KindredElement } from '../core/kindred-element.ts';
import { WRITE_GUARD_PARTS, WriteGuard, writeGuardStyles } from '../core/moderation/write-guard.ts';
import { errorPanel, loadingCards, loadMoreButton } from '../core/parts.ts';
import { baseStyles, listStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import './extra-messages.ts';
import type { Question } from './types.ts';

/** Its parts, re-exported through `<kindred-reviews>` (`kindred-reviews::part(question)`). */
const QUESTION_PARTS = [
  'question-list, question, question-body, question-meta, answer, answer-body, answer-meta, verified-reply, ask-form, ask-sign-in, ask-thanks, answer-form, answer-button, answer-thanks, pending-note, field, textarea, hint, submit, cancel, load-more, empty, error, retry, button',
  ...WRITE_GUARD_PARTS,
].join(', ');

/**
 * Questions and answers about a product: questions with their answers (staff answers labelled
 * "Verified reply"), "Load more questions", asking (signed in) and answering. The member's own
 * questions awaiting moderation show with a note only they see. Moderation's answers to asking
 * and answering go through the shared WriteGuard (one each). Its own chunk, loaded when the
 * section nears the viewport.
 *
 * @event kindred-request-sign-in - cancelable, `{ reason: 'ask' | 'answer' }`
 * @event kindred-question-asked - `{ questionId, status }`
 * @event kindred-question-answered - `{ questionId, answerId, status }`
 */
export class KindredReviewQuestions extends KindredElement {
  static override styles = [
    baseStyles,
    viewStyles,
    listStyles,
    sanitisedHtmlStyles,
    writeGuardStyles,
    css`
      :host {
        display: grid;
        gap: var(--k-space);
      }
      .question-list {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--k-space);
      }
      .question {
        display: grid;
        gap: 0.5em;
        padding: var(--k-space) calc(var(--k-space) * 1.25);
        border: 1px solid var(--k-border);
        border-radius: var(--k-radius);
      }
      .question-body {
        font-weight: 600;
      }
      .answers {
        list-style: none;
        margin: 0.25em 0 0;
        padding: 0 0 0 1em;
        border-inline-start: 3px solid var(--k-border);
        display: grid;
        gap: 0.75em;
      }
      .answer {
        display: grid;
        gap: 0.25em;
      }
      .answer.verified {
        margin-inline-start: -1em;
        padding: 0.5em 0.75em 0.5em calc(1em - 3px);
        border-inline-start: 3px solid var(--k-accent);
        background: var(--k-surface);
      }
      .verified-reply {
        justify-self: start;
        padding: 0.0625em 0.5em;
        border-radius: 999px;
        background: var(--k-accent);
        color: var(--k-accent-text);
        font-size: 0.8125em;
        font-weight: 650;
      }
      .pending-note {
        padding: 0.375em 0.75em;
        border-radius: calc(var(--k-radius) * 0.5);
        background: var(--k-surface);
      }
      .answer-form,
      .ask-form {
        display: grid;
        gap: 0.5em;
        justify-items: start;
      }
      .answer-form textarea,
      .ask-form textarea {
        min-height: 5em;
      }
      .ask-form {
        padding: var(--k-space) calc(var(--k-space) * 1.25);
        background: var(--k-surface);
        border-radius: var(--k-radius);
      }
      .ask-form label,
      .answer-form label {
        margin: 0;
      }
      .ask-form > div,
      .answer-form > div {
        width: 100%;
      }
      .ask-form > .write-notice,
      .answer-form > .write-notice {
        justify-self: stretch;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      .thanks {
        font-weight: 600;
      }
      .thanks:focus {
        outline: none;
      }
      .skeleton-card {
        min-height: 5rem;
      }
      .empty {
        padding: var(--k-space);
        text-align: start;
      }
    `,
  ];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  @property() sku = '';
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;

  @state() private question = '';
  @state() private askError: MessageKey | null = null;
  @state() private asking = false;
  @state() private askThanks: MessageKey | null = null;
  /** The question being answered, its draft and state. */
  @state() private answering: string | null = null;
  @state() private answer = '';
  @state() private answerError: MessageKey | null = null;
  @state() private sendingAnswer = false;
  @state() private answerThanks: { id: string; key: MessageKey } | null = null;
  @state() private signInHint = false;
  /** One key per logical write, reused if the member sends it again after a failure. */
  private askKey = newIdempotencyKey();
  private answerKey = newIdempotencyKey();
  private readonly askGuard = new WriteGuard(this, this.i18n, {
    id: 'qa-ask',
    field: () => this.renderRoot.querySelector('#qa-ask'),
    resend: () => void this.sendQuestion(),
  });
  private readonly answerGuard = new WriteGuard(this, this.i18n, {
    id: 'qa-answer',
    field: () => this.renderRoot.querySelector('#qa-answer'),
    resend: () => void this.sendAnswerNow(),
  });

  private readonly pager = new KeysetPager<Question>(this, (cursor, signal) =>
    this.client!.query('reviews.questions', { sku: this.sku, ...(cursor ? { cursor } : {}) }, { signal }),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    // Its parts reach the page through <kindred-reviews>, which renders it.
    this.setAttribute('exportparts', QUESTION_PARTS);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('sku') || changed.has('client') || changed.has('signedIn')) && this.client && this.sku) {
      this.signInHint = false;
      void this.pager.reload();
    }
  }

  private number(n: number): string {
    return new Intl.NumberFormat(this.i18n.locale).format(n);
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium' }).format(new Date(iso));
  }

  /** As sign-in.ts does (not imported: sharing it would pull the widget's first chunk into this one). */
  private signIn(reason: 'ask' | 'answer'): void {
    this.signInHint = !this.emit('kindred-request-sign-in', { reason }, { cancelable: true }).defaultPrevented;
  }

  private ask = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.sendQuestion();
  };

  /** Sends the question (the form's submit, and "Post anyway"). */
  private sendQuestion = async (): Promise<void> => {
    if (this.asking || !this.client || this.askGuard.blocked) return;
    this.askThanks = null;
    const body = this.question.trim();
    if (body.length < 3 || body.length > 2000) {
      this.askError = 'questionAskMissing';
      this.renderRoot.querySelector<HTMLElement>('#qa-ask')?.focus();
      return;
    }
    this.askError = null;
    this.askGuard.clear();
    this.asking = true;
    try {
      const result = await this.client.mutate('reviews.ask', this.askGuard.input({ sku: this.sku, body, idempotencyKey: this.askKey }));
      await this.askGuard.written(result.moderation);
      this.askKey = newIdempotencyKey();
      this.question = '';
      this.askThanks = result.status === 'published' ? 'questionAskedPublished' : 'questionAskedPending';
      this.announce?.(this.i18n.msg(this.askThanks));
      this.emit('kindred-question-asked', { questionId: result.id, status: result.status });
      await this.pager.reload();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="ask-thanks"]')?.focus();
    } catch (err) {
      if (this.askGuard.refused(err)) return;
      this.askError = isAuthError(err) ? 'questionsSignInHint' : 'questionSendFailed';
    } finally {
      this.asking = false;
    }
  };

  private async openAnswer(question: Question): Promise<void> {
    if (!this.signedIn) return this.signIn('answer');
    this.answering = question.id;
    this.answer = '';
    this.answerError = null;
    this.answerGuard.clear();
    this.answerThanks = null;
    this.answerKey = newIdempotencyKey();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#qa-answer')?.focus();
  }

  private async closeAnswer(): Promise<void> {
    const id = this.answering;
    this.answering = null;
    await this.updateComplete;
    if (id) this.renderRoot.querySelector<HTMLElement>(`[data-answer="${CSS.escape(id)}"]`)?.focus();
  }

  private sendAnswer = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.sendAnswerNow();
  };

  /** Sends the answer (the form's submit, and "Post anyway"). */
  private sendAnswerNow = async (): Promise<void> => {
    const questionId = this.answering;
    if (!questionId || this.sendingAnswer || !this.client || this.answerGuard.blocked) return;
    const body = this.answer.trim();
    if (!body || body.length > 5000) {
      this.answerError = 'questionAnswerMissing';
      this.renderRoot.querySelector<HTMLElement>('#qa-answer')?.focus();
      return;
    }
    this.answerError = null;
    this.answerGuard.clear();
    this.sendingAnswer = true;
    try {
      const result = await this.client.mutate('reviews.answer', this.answerGuard.input({ questionId, body, idempotencyKey: this.answerKey }));
      await this.answerGuard.written(result.moderation);
      const key: MessageKey = result.status === 'published' ? 'questionAnsweredPublished' : 'questionAnsweredPending';
      this.answering = null;
      this.answerThanks = { id: questionId, key };
      this.announce?.(this.i18n.msg(key));
      this.emit('kindred-question-answered', { questionId, answerId: result.id, status: result.status });
      if (result.status === 'published') await this.pager.refresh();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="answer-thanks"]')?.focus();
    } catch (err) {
      if (this.answerGuard.refused(err)) return;
      this.answerError = isAuthError(err) ? 'questionsSignInHint' : 'questionSendFailed';
    } finally {
      this.sendingAnswer = false;
    }
  };

  private loadMore = async (): Promise<void> => {
    const added = await this.pager.loadMore();
    if (!added[0]) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-question="${CSS.escape(added[0].id)}"]`)?.focus();
  };

  override render(): TemplateResult {
    const t = this.i18n;
    return html`<p class="muted">${t.msg('questionsIntro')}</p>
      ${this.renderList()} ${this.renderAsk()}`;
  }

  private renderList(): TemplateResult {
    const t = this.i18n;
    const { pager } = this;
    if (pager.loading) return loadingCards(t.msg('questionsLoading'), 2);
    if (pager.status === 'error') return errorPanel(t, pager.error, () => void this.pager.reload());
    if (!pager.items.length) return html`<p class="empty panel" part="empty">${t.msg('questionsEmpty')}</p>`;
    return html`<div>
      <ul class="question-list" part="question-list" role="list">
        ${pager.items.map((q) => this.renderQuestion(q))}
      </ul>
      ${loadMoreButton(pager, t, 'loadMoreQuestions', this.loadMore)}
    </div>`;
  }

  private renderQuestion(q: Question): TemplateResult {
    const t = this.i18n;
    const pending = q.isOwn && q.status === 'pending';
    return html`<li class="question" part="question" tabindex="-1" data-question=${q.id}>
      <p class="question-body" part="question-body">${q.body}</p>
      <p class="muted" part="question-meta">
        ${t.msg('questionAskedBy', { name: q.authorName })} ·
        <time datetime=${q.createdAt} title=${t.dateTime(q.createdAt)}>${this.date(q.createdAt)}</time>
      </p>
      ${pending ? html`<p class="pending-note muted" part="pending-note">${t.msg('questionPendingNote')}</p>` : nothing}
      ${q.answers.length
        ? html`<ul class="answers" role="list" aria-label=${t.msg('questionAnswerCount', { count: q.answers.length, n: this.number(q.answers.length) })}>
            ${q.answers.map(
              (a) => html`<li class="answer ${a.verified ? 'verified' : ''}" part="answer">
                ${a.verified ? html`<span class="verified-reply" part="verified-reply">${t.msg('questionVerifiedReply')}</span>` : nothing}
                <div class="rich" part="answer-body">${sanitisedHtml(a.bodyHtml)}</div>
                <p class="muted" part="answer-meta">
                  ${t.msg('questionAnsweredBy', { name: a.authorName })} ·
                  <time datetime=${a.createdAt} title=${t.dateTime(a.createdAt)}>${this.date(a.createdAt)}</time>
                </p>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${this.answerThanks?.id === q.id ? html`<p class="thanks" part="answer-thanks" tabindex="-1">${t.msg(this.answerThanks.key)}</p>` : nothing}
      ${pending ? nothing : this.answering === q.id ? this.renderAnswerForm() : html`<div>
            <button class="button" part="button answer-button" data-answer=${q.id} aria-describedby=${`qa-q-${q.id}`} @click=${() => this.openAnswer(q)}>
              ${t.msg('questionAnswer')}
            </button>
            <span id=${`qa-q-${q.id}`} hidden>${q.body}</span>
          </div>`}
    </li>`;
  }

  private renderAnswerForm(): TemplateResult {
    const t = this.i18n;
    return html`<form class="answer-form" part="answer-form" novalidate @submit=${this.sendAnswer} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closeAnswer()}>
      <div>
        <label for="qa-answer">${t.msg('questionAnswerLabel')}</label>
        <textarea
          id="qa-answer"
          part="textarea"
          rows="3"
          maxlength="5000"
          .value=${this.answer}
          aria-invalid=${this.answerError || this.answerGuard.textRefused ? 'true' : 'false'}
          aria-describedby=${[this.answerError ? 'qa-answer-error' : '', this.answerGuard.describedBy].filter(Boolean).join(' ') || nothing}
          @input=${(e: Event) => (this.answer = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${this.answerGuard.renderFieldError()}
      </div>
      ${this.answerError ? html`<p id="qa-answer-error" class="error-text" part="error">${t.msg(this.answerError)}</p>` : nothing}
      ${this.answerGuard.render()}
      <div class="actions">
        <button type="submit" class="button primary" part="button submit" ?disabled=${this.sendingAnswer || this.answerGuard.blocked}>${t.msg('questionAnswerSubmit')}</button>
        <button type="button" class="button quiet" part="button cancel" @click=${() => this.closeAnswer()}>${t.msg('cancel')}</button>
      </div>
    </form>`;
  }

  private renderAsk(): TemplateResult {
    const t = this.i18n;
    const hint = this.signInHint ? html`<p class="muted" part="hint">${t.msg('questionsSignInHint')}</p>` : nothing;
    if (!this.signedIn) {
      return html`<div class="actions">
          <button class="button" part="button ask-sign-in" @click=${() => this.signIn('ask')}>${t.msg('questionAskSignIn')}</button>
        </div>
        ${hint}`;
    }
    return html`${hint}
      <form class="ask-form" part="ask-form" novalidate @submit=${this.ask}>
        ${this.askThanks ? html`<p class="thanks" part="ask-thanks" tabindex="-1">${t.msg(this.askThanks)}</p>` : nothing}
        <div>
          <label for="qa-ask">${t.msg('questionAskLabel')}</label>
          <p id="qa-ask-hint" class="muted" part="hint">${t.msg('questionAskHint')}</p>
          <textarea
            id="qa-ask"
            part="textarea"
            rows="3"
            maxlength="2000"
            .value=${this.question}
            aria-invalid=${this.askError === 'questionAskMissing' || this.askGuard.textRefused ? 'true' : 'false'}
            aria-describedby="qa-ask-hint ${this.askError ? 'qa-ask-error' : ''} ${this.askGuard.describedBy}"
            @input=${(e: Event) => (this.question = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${this.askGuard.renderFieldError()}
        </div>
        ${this.askError ? html`<p id="qa-ask-error" class="error-text" part="error" role="alert">${t.msg(this.askError)}</p>` : nothing}
        ${this.askGuard.render()}
        <button type="submit" class="button primary" part="button submit" ?disabled=${this.asking || this.askGuard.blocked}>${t.msg('questionAsk')}</button>
      </form>`;
  }
}

define('kindred-review-questions', KindredReviewQuestions);

declare global {
  interface HTMLElementTagNameMap {
    'kindred-review-questions': KindredReviewQuestions;
  }
}
