import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, isAuthError, newIdempotencyKey, type KindredClient } from '../core/api-client.ts';
import { announceContext, clientContext, type Announce } from '../core/context.ts';
import { loadErrorMessage } from '../core/errors.ts';
import type { MessageKey } from '../core/i18n.ts';
import { KindredElement } from '../core/kindred-element.ts';
import { WRITE_GUARD_PARTS, WriteGuard, writeGuardStyles } from '../core/moderation/write-guard.ts';
import { baseStyles } from '../core/styles.ts';
import { viewStyles } from '../core/view.styles.ts';
import {
  SHARED_AUDIENCES,
  TAG_KINDS,
  type ConsentTextDto,
  type ConsentUse,
  type StoriesContextDto,
  type StoryAudience,
  type StoryDto,
  type StoryGroupOption,
  type StorySigning,
  type StoryTags,
} from './types.ts';
import { storiesContext } from './context.ts';
import { composerStyles } from './views.styles.ts';
import './views-messages.ts';

type Field = 'title' | 'body' | 'warning' | 'tags-condition' | 'tags-stage' | 'tags-topic' | 'audience' | 'group' | 'pseudonym' | 'consent-site';
interface Problem {
  field?: Field;
  key: MessageKey;
}

const SIGNINGS: readonly StorySigning[] = ['name', 'pseudonym', 'anonymous'];
const MAX_TAGS = 10;

/** "Breast cancer, fatigue , " -> ['Breast cancer', 'fatigue'] */
const parseTags = (text: string): string[] => [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];

/**
 * "Share your story", and editing one: title, the story (with a formatting hint), an optional
 * content warning, tags, who can read it (one of the member's groups among the choices, from
 * `stories.context`, which also says which audiences wait for a moderator), how it is signed, and
 * (for a new story) the current consent text with a checkbox per use. The draft survives every error and a sign-out; a retried
 * share reuses its idempotency key. Moderation's answers go through the shared WriteGuard.
 *
 * @event kindred-story-saved - internal: `{ story, created }`
 * @event kindred-story-back - internal: Cancel
 */
export class StoryComposer extends KindredElement {
  static readonly parts = [
    'composer',
    'composer-heading',
    'composer-intro',
    'field',
    'label',
    'input',
    'textarea',
    'hint',
    'fieldset',
    'legend',
    'choice',
    'radio',
    'checkbox',
    'select',
    'consent',
    'consent-text',
    'consent-description',
    'review-note',
    'submit',
    'cancel',
    'button',
    'error',
    'retry',
    ...WRITE_GUARD_PARTS,
  ] as const;
  static override styles = [baseStyles, viewStyles, composerStyles, writeGuardStyles];

  @consume({ context: clientContext, subscribe: true }) @state() client?: KindredClient;
  @consume({ context: announceContext, subscribe: true }) @state() announce?: Announce;

  /** The story to edit; null: a new story. */
  @property({ attribute: false }) story: StoryDto | null = null;
  /** The widget's group: preselected when the member shares with "only members of a group". */
  @property() group = '';
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;

  @state() private draftTitle = '';
  @state() private body = '';
  @state() private warning = '';
  @state() private tags: Record<keyof StoryTags, string> = { condition: '', stage: '', topic: '' };
  @state() private audience: StoryAudience = 'members';
  /** The group a 'group' story is shared with ('' until the member picks one). */
  @state() private chosenGroup = '';
  /** `stories.context`: the member's groups and which audiences are reviewed; null until it answers (or if it failed). */
  @state() private context: StoriesContextDto | null = null;
  @state() private signing: StorySigning = 'name';
  @state() private pseudonym = '';
  @state() private uses = new Set<ConsentUse>(['site']);
  @state() private consentText: ConsentTextDto | null = null;
  @state() private consentFailed: unknown = null;
  @state() private organisation = '';
  @state() private memberName = '';
  @state() private submitting = false;
  @state() private problem: Problem | null = null;
  @state() private sessionEnded = false;
  private pending: { key: string; payload: string } | undefined;
  private readonly guard = new WriteGuard(this, this.i18n, {
    field: () => this.renderRoot.querySelector('#body'),
    resend: () => void this.send(),
  });

  private get editing(): StoryDto['own'] {
    return this.story?.own ?? null;
  }

  /**
   * The groups a story may be shared with: the member's (the widget's own group among them when
   * the member belongs to it), and the edited story's. Before the context answers (or if it
   * failed), the widget's group, as the API will check membership anyway.
   */
  private get groupOptions(): StoryGroupOption[] {
    const groups = [...(this.context?.myGroups ?? [])];
    const known = [this.context ? null : this.group, this.editing?.audience === 'group' ? this.editing.group : null];
    for (const slug of known) if (slug && !groups.some((g) => g.slug === slug)) groups.push({ slug, name: slug });
    return groups;
  }

  private get audiences(): StoryAudience[] {
    const group = this.groupOptions.length > 0;
    return ['public', 'members', ...(group ? (['group'] as const) : []), 'care_team', 'only_me'];
  }

  /** Whether a story for `audience` waits for a moderator: the API says; before it has, shared ones are assumed to. */
  private waitsForReview(audience: StoryAudience): boolean {
    return this.context ? this.context.premoderated[audience] : SHARED_AUDIENCES.includes(audience);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('story')) this.prefill();
    if (changed.has('group') && !this.story && !changed.has('story')) {
      this.audience = this.group ? 'group' : 'members';
      this.chosenGroup = this.group;
    }
    if (changed.has('client') && this.client) void this.loadContext();
    if (changed.has('signedIn') && this.signedIn) this.sessionEnded = false;
  }

  private prefill(): void {
    const story = this.story;
    const own = story?.own;
    if (!story || !own) {
      this.audience = this.group ? 'group' : 'members';
      this.chosenGroup = this.group;
      return;
    }
    this.draftTitle = story.title;
    this.body = own.bodySource;
    this.warning = story.contentWarning ?? '';
    this.tags = { condition: story.tags.condition.join(', '), stage: story.tags.stage.join(', '), topic: story.tags.topic.join(', ') };
    this.audience = own.audience;
    this.chosenGroup = own.group ?? '';
    this.signing = story.signing;
    this.pseudonym = own.pseudonym ?? '';
  }

  /**
   * The consent text (new stories), the organisation's name and the member's, and the stories
   * context (the member's groups, which audiences are reviewed), for the choices.
   */
  private async loadContext(): Promise<void> {
    const client = this.client!;
    const names = client.query('forum.context', {}).then(
      (c) => {
        this.organisation = c.tenantName;
        this.memberName = c.viewer?.displayName ?? '';
      },
      () => undefined, // the choices read well without the names
    );
    const context = storiesContext(client, true).then(
      (c) => this.useContext(c),
      () => undefined, // without it: the widget's group only, and shared stories "may" be reviewed
    );
    if (!this.story) await this.loadConsentText();
    await Promise.all([names, context]);
  }

  private useContext(context: StoriesContextDto): void {
    this.context = context;
    // The widget's group is not one of the member's: no "one group" choice to keep selected.
    if (this.audience === 'group' && !this.audiences.includes('group')) this.audience = 'members';
    if (!this.groupOptions.some((g) => g.slug === this.chosenGroup)) this.chosenGroup = '';
  }

  private loadConsentText = async (): Promise<void> => {
    try {
      this.consentText = await this.client!.query('stories.consentText', undefined);
      this.consentFailed = null;
    } catch (err) {
      this.consentFailed = err;
    }
  };

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#composer-heading')?.focus();
  }

  private cancel = (): void => void this.emit('kindred-story-back', {}, { composed: false });

  private async show(problem: Problem): Promise<void> {
    this.problem = problem;
    await this.updateComplete;
    if (problem.field) {
      const target =
        problem.field === 'audience'
          ? this.renderRoot.querySelector<HTMLElement>('input[name="audience"]:checked')
          : this.renderRoot.querySelector<HTMLElement>(`#${problem.field}`);
      target?.focus();
    } else {
      this.renderRoot.querySelector<HTMLElement>('#form-error')?.focus();
    }
  }

  private validate(): Problem | null {
    const title = this.draftTitle.trim();
    if (title.length < 3 || title.length > 200) return { field: 'title', key: 'storyTitleInvalid' };
    const body = this.body.trim();
    if (!body || body.length > 50_000) return { field: 'body', key: 'storyBodyInvalid' };
    for (const kind of TAG_KINDS) {
      const tags = parseTags(this.tags[kind]);
      if (tags.length > MAX_TAGS || tags.some((t) => t.length > 60)) return { field: `tags-${kind}`, key: 'tagsInvalid' };
    }
    if (this.signing === 'pseudonym' && (!this.pseudonym.trim() || this.pseudonym.trim().length > 60)) {
      return { field: 'pseudonym', key: 'pseudonymInvalid' };
    }
    if (this.audience === 'group' && !this.groupOptions.some((g) => g.slug === this.chosenGroup)) return { field: 'group', key: 'storyGroupRequired' };
    const shared = SHARED_AUDIENCES.includes(this.audience);
    if (!this.story && shared && !this.uses.has('site')) return { field: 'consent-site', key: 'consentSiteRequired' };
    if (this.editing && shared && !this.editing.consents.some((c) => c.use === 'site')) {
      return { field: 'audience', key: 'consentSiteMissingEdit' };
    }
    return null;
  }

  private submit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.send();
  };

  /** Sends the story (the form's submit, and "Post anyway"). */
  private send = async (): Promise<void> => {
    const client = this.client;
    if (this.submitting || !client || this.guard.blocked) return;
    const problem = this.validate();
    if (problem) return this.show(problem);
    const tags = { condition: parseTags(this.tags.condition), stage: parseTags(this.tags.stage), topic: parseTags(this.tags.topic) };
    const choices = {
      title: this.draftTitle.trim(),
      body: this.body.trim(),
      tags,
      audience: this.audience,
      group: this.audience === 'group' ? this.chosenGroup : undefined,
      signing: this.signing,
      pseudonym: this.signing === 'pseudonym' ? this.pseudonym.trim() : undefined,
    };
    const warning = this.warning.trim();
    this.problem = null;
    this.guard.clear();
    this.submitting = true;
    const t = this.i18n;
    try {
      if (this.story) {
        this.announce?.(t.msg('savingStory'));
        const { moderation, ...story } = await client.mutate(
          'stories.update',
          this.guard.input({ storyId: this.story.id, ...choices, contentWarning: warning }),
        );
        await this.guard.written(moderation);
        this.emit('kindred-story-saved', { story, created: false, organisation: this.organisation }, { composed: false });
      } else {
        const consent = { consentTextId: this.consentText!.id, uses: [...this.uses] };
        const payload = JSON.stringify([choices, warning, consent]);
        if (this.pending?.payload !== payload) this.pending = { key: newIdempotencyKey(), payload };
        this.announce?.(t.msg('sharing'));
        const { moderation, ...story } = await client.mutate(
          'stories.create',
          this.guard.input({ ...choices, contentWarning: warning || undefined, consent, idempotencyKey: this.pending.key }),
        );
        this.pending = undefined;
        await this.guard.written(moderation);
        this.emit('kindred-story-saved', { story, created: true, organisation: this.organisation }, { composed: false });
      }
    } catch (err) {
      await this.failed(err);
    } finally {
      this.submitting = false;
    }
  };

  private async failed(err: unknown): Promise<void> {
    if (isAuthError(err)) {
      // The widget has signed the member out; the draft stays for when they are back.
      this.sessionEnded = true;
      return this.show({ key: 'storySessionEnded' });
    }
    if (this.guard.refused(err)) return;
    if (err instanceof ApiError && err.kindredCode === 'VALIDATION_FAILED') {
      const path = err.issues[0]?.path ?? '';
      if (path === 'title') return this.show({ field: 'title', key: 'storyTitleInvalid' });
      if (path === 'body') return this.show({ field: 'body', key: 'storyBodyInvalid' });
      if (path === 'pseudonym') return this.show({ field: 'pseudonym', key: 'pseudonymInvalid' });
      const kind = TAG_KINDS.find((k) => path.startsWith(`tags.${k}`));
      if (kind) return this.show({ field: `tags-${kind}`, key: 'tagsInvalid' });
      if (!this.story) {
        // The tenant may have published a new consent text while the member was writing.
        const shown = this.consentText?.id;
        await this.loadConsentText();
        if (this.consentText && this.consentText.id !== shown) return this.show({ key: 'consentChanged' });
      }
      return this.show({ key: 'checkStory' });
    }
    if (err instanceof ApiError && err.kindredCode !== 'INTERNAL' && err.kindredCode !== 'NETWORK') return this.show({ key: loadErrorMessage(err) });
    return this.show({ key: 'storyFailed' });
  }

  // Rendering

  override render(): TemplateResult {
    const t = this.i18n;
    const editing = this.story !== null;
    const problem = this.problem;
    const consentMissing = !editing && !this.consentText;
    const submitLabel = this.submitting
      ? editing ? 'savingStory' : 'sharing'
      : editing ? 'saveStory' : this.audience === 'only_me' ? 'journalSubmit' : 'shareSubmit';
    return html`<form class="composer stack" part="composer" novalidate aria-labelledby="composer-heading" aria-busy=${this.submitting ? 'true' : 'false'} @submit=${this.submit}>
      <button type="button" class="button quiet back" part="button back" @click=${this.cancel}>
        <span aria-hidden="true">←</span> ${t.msg(editing ? 'backToMyStories' : 'backToStories')}
      </button>
      <div>
        <h2 id="composer-heading" part="composer-heading" tabindex="-1">${t.msg(editing ? 'editStoryHeading' : 'composeHeading')}</h2>
        <p class="muted intro" part="composer-intro">${t.msg('composeIntro')}</p>
      </div>
      ${this.lineField('title', 'storyTitleLabel', 'storyTitleHint', 200, this.draftTitle, (v) => (this.draftTitle = v))}
      <div class="field" part="field">
        <label for="body" part="label">${t.msg('storyBodyLabel')}</label>
        <p id="body-hint" class="muted hint" part="hint">${t.msg('storyFormattingHint')}</p>
        <textarea
          id="body"
          part="textarea"
          rows="10"
          maxlength="50000"
          .value=${this.body}
          aria-invalid=${problem?.field === 'body' || this.guard.textRefused ? 'true' : 'false'}
          aria-describedby="body-hint privacy-hint ${problem?.field === 'body' ? 'body-error' : ''} ${this.guard.describedBy}"
          @input=${(e: Event) => (this.body = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${this.fieldError('body')} ${this.guard.renderFieldError()}
        <p id="privacy-hint" class="muted hint" part="hint">${t.msg('storyPrivacyHint')}</p>
      </div>
      ${this.lineField('warning', 'storyWarningLabel', 'storyWarningHint', 120, this.warning, (v) => (this.warning = v))}
      <fieldset part="fieldset">
        <legend part="legend">${t.msg('tagsLegend')}</legend>
        <p id="tags-hint" class="muted hint" part="hint">${t.msg('tagsHint')}</p>
        <div class="tag-fields">
          ${TAG_KINDS.map((kind) =>
            this.lineField(`tags-${kind}`, `tag_${kind}`, null, 700, this.tags[kind], (v) => (this.tags = { ...this.tags, [kind]: v }), 'tags-hint'),
          )}
        </div>
      </fieldset>
      ${this.renderAudience()} ${this.renderSigning()} ${editing ? nothing : this.renderConsent()}
      ${editing ? html`<p class="review-note" part="review-note">${t.msg('editReviewNote')}</p>` : nothing}
      ${problem && !problem.field
        ? html`<p id="form-error" class="error-text" part="error" role="alert" tabindex="-1">${t.msg(problem.key)}</p>`
        : nothing}
      ${this.guard.render()}
      <div class="actions">
        <button type="submit" class="button primary" part="button submit" ?disabled=${this.submitting || consentMissing || this.guard.blocked}>${t.msg(submitLabel)}</button>
        <button type="button" class="button quiet" part="button cancel" @click=${this.cancel}>${t.msg('cancel')}</button>
      </div>
    </form>`;
  }

  private fieldError(field: Field): TemplateResult | typeof nothing {
    const problem = this.problem;
    return problem?.field === field ? html`<p id="${field}-error" class="field-error" part="error">${this.i18n.msg(problem.key)}</p>` : nothing;
  }

  private lineField(
    field: Field,
    label: 'storyTitleLabel' | 'storyWarningLabel' | 'pseudonymLabel' | `tag_${keyof StoryTags}`,
    hint: 'storyTitleHint' | 'storyWarningHint' | null,
    maxlength: number,
    value: string,
    set: (value: string) => void,
    describedBy = '',
  ): TemplateResult {
    const t = this.i18n;
    const invalid = this.problem?.field === field;
    return html`<div class="field" part="field">
      <label for=${field} part="label">${t.msg(label)}</label>
      ${hint ? html`<p id="${field}-hint" class="muted hint" part="hint">${t.msg(hint)}</p>` : nothing}
      <input
        id=${field}
        part="input"
        maxlength=${maxlength}
        autocomplete="off"
        .value=${value}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="${hint ? `${field}-hint` : describedBy} ${invalid ? `${field}-error` : ''}"
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      ${this.fieldError(field)}
    </div>`;
  }

  private renderAudience(): TemplateResult {
    const t = this.i18n;
    const organisation = this.organisation || t.msg('thisOrganisation');
    const invalid = this.problem?.field === 'audience';
    return html`<fieldset part="fieldset" aria-describedby=${invalid ? 'audience-error' : nothing}>
      <legend part="legend">${t.msg('audienceLegend')}</legend>
      ${this.audiences.map((audience) => {
        const label = audience === 'care_team' ? t.msg('audience_care_team', { organisation }) : t.msg(`audience_${audience}`);
        return html`${this.choice('audience', audience, label, t.msg(`audienceHint_${audience}`), this.audience === audience, () => (this.audience = audience))}
        ${audience === 'group' && this.audience === 'group' && this.context ? this.renderGroupSelect() : nothing}`;
      })}
      ${this.fieldError('audience')}
      <div aria-live="polite">
        ${!this.story && this.waitsForReview(this.audience) ? html`<p class="review-note" part="review-note">${t.msg('reviewWait')}</p>` : nothing}
      </div>
    </fieldset>`;
  }

  /** Which of the member's groups: the widget's group preselected, else "Choose a group". */
  private renderGroupSelect(): TemplateResult {
    const t = this.i18n;
    const options = this.groupOptions;
    const chosen = options.some((g) => g.slug === this.chosenGroup);
    const invalid = this.problem?.field === 'group';
    return html`<div class="nested field" part="field">
      <label for="group" part="label">${t.msg('storyGroupLabel')}</label>
      <select
        id="group"
        part="select"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'group-error' : nothing}
        @change=${(e: Event) => (this.chosenGroup = (e.target as HTMLSelectElement).value)}
      >
        ${chosen ? nothing : html`<option value="" .selected=${true}>${t.msg('storyGroupChoose')}</option>`}
        ${options.map((g) => html`<option value=${g.slug} .selected=${g.slug === this.chosenGroup}>${g.name}</option>`)}
      </select>
      ${this.fieldError('group')}
    </div>`;
  }

  private renderSigning(): TemplateResult {
    const t = this.i18n;
    return html`<fieldset part="fieldset">
      <legend part="legend">${t.msg('signingLegend')}</legend>
      ${SIGNINGS.map((signing) => {
        const label = signing === 'name' && this.memberName ? t.msg('signingNameAs', { name: this.memberName }) : t.msg(`signing_${signing}`);
        return html`${this.choice('signing', signing, label, t.msg(`signingHint_${signing}`), this.signing === signing, () => (this.signing = signing))}
        ${signing === 'pseudonym' && this.signing === 'pseudonym'
          ? html`<div class="nested">${this.lineField('pseudonym', 'pseudonymLabel', null, 60, this.pseudonym, (v) => (this.pseudonym = v), 'signing-pseudonym-hint')}</div>`
          : nothing}`;
      })}
    </fieldset>`;
  }

  /** One radio with its label and a plain-language line under it. */
  private choice(name: string, value: string, label: string, hint: string, checked: boolean, select: () => void): TemplateResult {
    const id = `${name}-${value}`;
    return html`<div class="choice" part="choice">
      <input type="radio" id=${id} name=${name} value=${value} part="radio" .checked=${checked} aria-describedby="${id}-hint" @change=${select} />
      <div>
        <label for=${id} part="label">${label}</label>
        <p id="${id}-hint" class="muted" part="hint">${hint}</p>
      </div>
    </div>`;
  }

  private renderConsent(): TemplateResult {
    const t = this.i18n;
    const text = this.consentText;
    if (!text) {
      return html`<fieldset class="consent" part="fieldset consent">
        <legend part="legend">${t.msg('consentLegend')}</legend>
        ${this.consentFailed
          ? html`<div class="panel" part="error" role="alert">
              <p>${t.msg('consentLoadFailed')}</p>
              <button type="button" class="button" part="button retry" @click=${this.loadConsentText}>${t.msg('retry')}</button>
            </div>`
          : html`<p class="muted" aria-busy="true">${t.msg('loadingStoryView')}</p>`}
      </fieldset>`;
    }
    return html`<fieldset class="consent" part="fieldset consent">
      <legend part="legend">${t.msg('consentLegend')}</legend>
      <p class="muted">${t.msg('consentIntro', { version: text.version })}</p>
      <blockquote class="consent-text" part="consent-text">${text.body}</blockquote>
      ${text.uses.map(({ use, description }) => {
        const id = `consent-${use}`;
        const invalid = this.problem?.field === id;
        return html`<div class="choice" part="choice">
          <input
            type="checkbox"
            id=${id}
            part="checkbox"
            .checked=${this.uses.has(use)}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby="${id}-description ${id}-hint ${invalid ? `${id}-error` : ''}"
            @change=${(e: Event) => {
              const next = new Set(this.uses);
              if ((e.target as HTMLInputElement).checked) next.add(use);
              else next.delete(use);
              this.uses = next;
            }}
          />
          <div>
            <label for=${id} part="label">${t.msg(`consentUseLabel_${use}`)}</label>
            <p id="${id}-description" class="consent-description" part="consent-description">“${description}”</p>
            <p id="${id}-hint" class="muted" part="hint">${t.msg(use === 'site' ? 'consentSiteHint' : 'consentOptional')}</p>
            ${this.fieldError(id as Field)}
          </div>
        </div>`;
      })}
    </fieldset>`;
  }

}
