/**
 * Settings: allowed origins, keys (rotate, shown once), moderation policy, crisis resources,
 * consent text (versioned), review attributes, the "not medical advice" notice and community
 * features. Owners change them; moderators read them.
 */
import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ConsoleError } from '../../api/client.ts';
import { QUEUE_KINDS, type CrisisResource, type LinkPolicy, type ModerationPolicy, type SettingsDto, type SettingsUpdate } from '../../api/contract.ts';
import { issueFor, messageFor } from '../../api/messages.ts';
import { ConsoleElement, define } from '../../ui/console-element.ts';
import '../../ui/copy-button.ts';
import { dialogStyles } from '../../ui/dialog-styles.ts';
import { formatDate, formatDateTime, KIND_PLURALS } from '../../ui/format.ts';
import { consoleStyles } from '../../ui/styles.ts';

type Section = 'origins' | 'keys' | 'moderation' | 'crisis' | 'consent' | 'reviews' | 'notice';

const SECTIONS: { id: Section; label: string }[] = [
  { id: 'origins', label: 'Allowed sites' },
  { id: 'keys', label: 'Keys' },
  { id: 'moderation', label: 'Moderation policy' },
  { id: 'crisis', label: 'Crisis resources' },
  { id: 'consent', label: 'Story consent' },
  { id: 'reviews', label: 'Reviews' },
  { id: 'notice', label: 'Notices and features' },
];

const LINK_POLICIES: { value: LinkPolicy; label: string; hint: string }[] = [
  { value: 'allow', label: 'Allow links', hint: 'Links publish like any other text.' },
  { value: 'hold_new_members', label: 'Hold links from new members', hint: 'Recommended: most spam comes from new accounts.' },
  { value: 'hold_all', label: 'Hold every post with a link', hint: 'A moderator reviews every link first.' },
];

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const emptyResource = (): CrisisResource => ({ name: '', description: '', phone: null, text: null, url: null });

interface Secret {
  title: string;
  rows: { label: string; value: string }[];
  note: string;
}

export class SettingsScreen extends ConsoleElement {
  static override styles = [
    consoleStyles,
    dialogStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: 12rem minmax(0, 1fr);
        gap: 1.5rem;
        align-items: start;
      }
      .toc {
        position: sticky;
        top: 5rem;
      }
      .toc ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .toc a {
        display: block;
        padding: 0.375rem 0.625rem;
        border-radius: 0.5rem;
        color: var(--k-text);
        text-decoration: none;
        font-size: 0.9375rem;
      }
      .toc a:hover {
        background: color-mix(in srgb, var(--k-text) 6%, transparent);
      }
      section.panel {
        scroll-margin-top: 5rem;
      }
      section.panel > p.muted {
        margin-bottom: 1rem;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        min-width: 0;
      }
      legend {
        padding: 0;
        font-weight: 600;
        margin-bottom: 0.375rem;
      }
      .origins {
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
        border: 1px solid var(--k-border);
        border-radius: calc(var(--k-radius) * 0.8);
      }
      .origins li {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        padding: 0.375rem 0.5rem 0.375rem 0.875rem;
        border-bottom: 1px solid var(--k-border);
        overflow-wrap: anywhere;
      }
      .origins li:last-child {
        border-bottom: 0;
      }
      .inline-form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: flex-end;
      }
      .inline-form .field {
        flex: 1 1 18rem;
        margin: 0;
      }
      .key-row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.75rem 0;
        border-bottom: 1px solid var(--k-border);
      }
      .key-row:last-of-type {
        border-bottom: 0;
      }
      .key-row .what {
        flex: 1 1 16rem;
      }
      .key-value {
        padding: 0.25rem 0.5rem;
        background: var(--k-surface);
        border-radius: 0.375rem;
        overflow-wrap: anywhere;
      }
      .grid-2 {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
        gap: 0 1.25rem;
      }
      /* A checkbox's explanation, aligned with its label (past the 1.25rem box and its gap). */
      .check-hint {
        margin-inline-start: 1.875rem;
      }
      .checks {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        gap: 0 1rem;
        margin-bottom: 1rem;
      }
      .resource {
        padding: 1rem;
        margin-bottom: 0.75rem;
        border: 1px solid var(--k-border);
        border-radius: calc(var(--k-radius) * 0.8);
        background: var(--k-surface);
      }
      .resource-head {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        margin-bottom: 0.5rem;
      }
      .auto-publish {
        margin-top: 1.25rem;
        max-width: 26rem;
      }
      .attr-row {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 2fr) auto;
        gap: 0.5rem;
        align-items: end;
        margin-bottom: 0.5rem;
      }
      .attr-row .field {
        margin: 0;
      }
      .save {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        margin-top: 1rem;
        padding-top: 1rem;
        border-top: 1px solid var(--k-border);
      }
      .secret-value {
        display: block;
        padding: 0.625rem 0.75rem;
        margin: 0.25rem 0 0.75rem;
        background: var(--k-surface);
        border: 1px solid var(--k-border);
        border-radius: 0.5rem;
        overflow-wrap: anywhere;
      }
      .consent-current {
        padding: 0.75rem 1rem;
        margin-bottom: 1rem;
        background: var(--k-surface);
        border-radius: calc(var(--k-radius) * 0.8);
        white-space: pre-wrap;
      }
      @media (max-width: 60rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        .toc {
          position: static;
        }
        .toc ul {
          display: flex;
          flex-wrap: wrap;
          gap: 0.25rem;
        }
        .auto-publish {
        margin-top: 1.25rem;
        max-width: 26rem;
      }
      .attr-row {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) routeId = '';
  @state() private settings: SettingsDto | null = null;
  @state() private loadError: ConsoleError | null = null;
  @state() private saving: Section | null = null;
  @state() private errors: Partial<Record<Section, ConsoleError>> = {};
  @state() private newOrigin = '';
  @state() private moderation: ModerationPolicy | null = null;
  @state() private storyPremoderation: SettingsDto['storyPremoderation'] | null = null;
  @state() private autoPublish: number | null = null;
  @state() private resources: CrisisResource[] = [];
  @state() private consentDraft = '';
  @state() private reviewAttrs: { key: string; label: string }[] = [];
  @state() private medicalNotice = '';
  @state() private storyComments = false;
  @state() private trustHostBadges = false;
  @state() private secret: Secret | null = null;
  @state() private confirmRotate: 'secret' | 'sso' | null = null;
  @query('#secret-dialog') private secretDialog!: HTMLDialogElement;
  @query('#rotate-dialog') private rotateDialog!: HTMLDialogElement;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.adopt(await this.api.settings.get());
    } catch (error) {
      this.loadError = error as ConsoleError;
    }
  }

  /** Takes the server's settings as the new baseline for every form. */
  private adopt(settings: SettingsDto): void {
    this.settings = settings;
    this.moderation = structuredClone(settings.moderation);
    this.storyPremoderation = { ...settings.storyPremoderation };
    this.autoPublish = settings.reviewAutoPublishMinRating ?? null;
    this.resources = structuredClone(settings.crisisResources);
    this.reviewAttrs = structuredClone(settings.reviewAttributes);
    this.medicalNotice = settings.medicalNotice ?? '';
    this.storyComments = settings.storyComments;
    this.trustHostBadges = settings.trustHostBadges;
  }

  private get readOnly(): boolean {
    return !this.isOwner;
  }

  private async save(section: Section, run: () => Promise<unknown>, message: string): Promise<boolean> {
    this.saving = section;
    this.errors = { ...this.errors, [section]: undefined };
    try {
      const result = await run();
      if (result && typeof result === 'object' && 'moderation' in result) this.adopt(result as SettingsDto);
      this.toast({ message, tone: 'success' });
      return true;
    } catch (error) {
      this.errors = { ...this.errors, [section]: error as ConsoleError };
      return false;
    } finally {
      this.saving = null;
    }
  }

  private saveSettings(section: Section, patch: SettingsUpdate, message: string): Promise<boolean> {
    return this.save(section, () => this.api.settings.update(patch), message);
  }

  private async addOrigin(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const origin = this.newOrigin.trim().replace(/\/+$/, '');
    if (!origin) return;
    const ok = await this.save('origins', () => this.api.settings.addOrigin({ origin }), `${origin} can now embed your community.`);
    if (ok) {
      this.newOrigin = '';
      this.settings = { ...this.settings!, origins: [...new Set([...this.settings!.origins, origin])] };
    }
  }

  private async removeOrigin(origin: string): Promise<void> {
    const ok = await this.save('origins', () => this.api.settings.removeOrigin({ origin }), `${origin} can no longer embed your community.`);
    if (ok) this.settings = { ...this.settings!, origins: this.settings!.origins.filter((o) => o !== origin) };
  }

  private async askRotate(which: 'secret' | 'sso'): Promise<void> {
    this.confirmRotate = which;
    await this.updateComplete;
    this.rotateDialog.showModal();
  }

  private async rotate(): Promise<void> {
    const which = this.confirmRotate;
    this.rotateDialog.close();
    if (!which) return;
    this.saving = 'keys';
    this.errors = { ...this.errors, keys: undefined };
    try {
      if (which === 'secret') {
        const { secretKey } = await this.api.settings.rotateSecretKey();
        this.secret = {
          title: 'Your new secret key',
          rows: [{ label: 'Secret key', value: secretKey }],
          note: 'Put it in your server’s configuration now: it is shown only once. The old key keeps working for 24 hours, then it is retired.',
        };
      } else {
        const { kid, secret } = await this.api.settings.rotateSsoSecret();
        this.secret = {
          title: 'Your new sign-in (SSO) secret',
          rows: [
            { label: 'Key id (kid)', value: kid },
            { label: 'Secret', value: secret },
          ],
          note: 'Sign member tokens with this secret and put the key id in the token header. It is shown only once. Tokens signed with the previous key keep working for 24 hours.',
        };
        this.adopt(await this.api.settings.get());
      }
      await this.updateComplete;
      this.secretDialog.showModal();
    } catch (error) {
      this.errors = { ...this.errors, keys: error as ConsoleError };
    } finally {
      this.saving = null;
    }
  }

  private async publishConsent(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const text = this.consentDraft.trim();
    if (!text) return;
    this.saving = 'consent';
    this.errors = { ...this.errors, consent: undefined };
    try {
      const { version } = await this.api.settings.publishConsentText({ text });
      this.settings = { ...this.settings!, consentText: { version, text, publishedAt: new Date().toISOString() } };
      this.consentDraft = '';
      this.toast({ message: `Consent text version ${version} is published. New stories ask for it; earlier consents keep their version.`, tone: 'success' });
    } catch (error) {
      this.errors = { ...this.errors, consent: error as ConsoleError };
    } finally {
      this.saving = null;
    }
  }

  private sectionError(section: Section) {
    const error = this.errors[section];
    return error ? html`<div class="alert error" role="alert">${messageFor(error)}</div>` : nothing;
  }

  private saveBar(section: Section, label = 'Save changes') {
    if (this.readOnly) return nothing;
    return html`<div class="save">
      <button type="submit" class="button primary" ?disabled=${this.saving === section}>${this.saving === section ? 'Saving…' : label}</button>
      ${this.sectionError(section)}
    </div>`;
  }

  private renderOrigins(s: SettingsDto) {
    return html`<section class="panel" id="origins" aria-labelledby="origins-title">
      <h2 id="origins-title">Allowed sites</h2>
      <p class="muted">The exact origins (scheme and host, no path) whose pages may embed your community. Anything else is refused.</p>
      ${s.origins.length
        ? html`<ul class="origins" aria-label="Allowed origins">
            ${s.origins.map(
              (o) => html`<li>
                <span class="mono">${o}</span>
                ${this.readOnly
                  ? nothing
                  : html`<button type="button" class="button small quiet" aria-label="Remove ${o}" ?disabled=${this.saving === 'origins'} @click=${() => this.removeOrigin(o)}>
                      Remove
                    </button>`}
              </li>`,
            )}
          </ul>`
        : html`<div class="alert warning">No site is allowed yet, so the widgets will not load anywhere.</div>`}
      ${this.readOnly
        ? nothing
        : html`<form class="inline-form" @submit=${this.addOrigin} novalidate>
            <div class="field">
              <label for="new-origin">Add a site</label>
              <input
                id="new-origin"
                type="url"
                inputmode="url"
                placeholder="https://www.example.org"
                spellcheck="false"
                aria-invalid=${issueFor(this.errors.origins, 'origin') ? 'true' : 'false'}
                aria-describedby=${issueFor(this.errors.origins, 'origin') ? 'origin-error' : nothing}
                .value=${this.newOrigin}
                @input=${(e: InputEvent) => (this.newOrigin = (e.target as HTMLInputElement).value)}
              />
            </div>
            <button type="submit" class="button" ?disabled=${this.saving === 'origins'}>Add site</button>
          </form>
          ${issueFor(this.errors.origins, 'origin')
            ? html`<span class="field-error" id="origin-error">${issueFor(this.errors.origins, 'origin')}</span>`
            : this.sectionError('origins')}`}
    </section>`;
  }

  private renderKeys(s: SettingsDto) {
    return html`<section class="panel" id="keys" aria-labelledby="keys-title">
      <h2 id="keys-title">Keys</h2>
      <p class="muted">The publishable key goes in your pages. The secret key and the sign-in secret stay on your servers.</p>
      ${this.sectionError('keys')}
      <div class="key-row">
        <div class="what">
          <h3>Publishable key</h3>
          <span class="muted small">Safe to put in a web page.</span>
        </div>
        <code class="key-value">${s.publishableKey}</code>
        <kc-copy-button .text=${s.publishableKey} what="the publishable key"></kc-copy-button>
      </div>
      <div class="key-row">
        <div class="what">
          <h3>Secret key</h3>
          <span class="muted small">For server-to-server calls (products, replies). Stored only as a hash, so it cannot be shown again.</span>
        </div>
        ${this.readOnly
          ? nothing
          : html`<button type="button" class="button" ?disabled=${this.saving === 'keys'} @click=${() => this.askRotate('secret')}>Rotate secret key…</button>`}
      </div>
      <div class="key-row">
        <div class="what">
          <h3>Member sign-in (SSO) secrets</h3>
          <span class="muted small">Your backend signs member tokens with the active one.</span>
        </div>
        ${this.readOnly
          ? nothing
          : html`<button type="button" class="button" ?disabled=${this.saving === 'keys'} @click=${() => this.askRotate('sso')}>Rotate sign-in secret…</button>`}
      </div>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Sign-in keys</caption>
          <thead>
            <tr>
              <th scope="col">Key id</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            ${s.ssoKeys.map(
              (k) => html`<tr>
                <td class="mono">${k.kid}</td>
                <td>
                  <span class="badge ${k.status === 'active' ? 'success' : ''}">${k.status === 'active' ? 'Active' : 'Retired'}</span>
                  ${k.status === 'active' && k.retiresAt ? html`<span class="muted small">until ${formatDateTime(k.retiresAt)}</span>` : nothing}
                </td>
                <td>${formatDate(k.createdAt)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderModeration() {
    const m = this.moderation!;
    const set = (patch: Partial<ModerationPolicy>) => (this.moderation = { ...this.moderation!, ...patch });
    const words = (field: 'bannedWords' | 'watchedWords' | 'crisisPhrases', label: string, hint: string) =>
      html`<div class="field">
        <label for=${field}>${label}</label>
        <span class="hint" id="${field}-hint">${hint} One per line.</span>
        <textarea id=${field} rows="4" aria-describedby="${field}-hint" .value=${m[field].join('\n')} @change=${(e: Event) => set({ [field]: lines((e.target as HTMLTextAreaElement).value) })}></textarea>
      </div>`;
    return html`<section class="panel" id="moderation" aria-labelledby="moderation-title">
      <h2 id="moderation-title">Moderation policy</h2>
      <p class="muted">What waits for a moderator before it appears, and what is refused outright.</p>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          const patch: SettingsUpdate = { moderation: this.moderation! };
          if (this.storyPremoderation) patch.storyPremoderation = this.storyPremoderation;
          void this.saveSettings('moderation', patch, 'Moderation policy saved.');
        }}
      >
        <fieldset ?disabled=${this.readOnly}>
          <fieldset>
            <legend>Review before publishing</legend>
            <div class="checks">
              ${QUEUE_KINDS.map(
                (kind) => html`<label class="check">
                  <input
                    type="checkbox"
                    .checked=${m.premoderation[kind]}
                    @change=${(e: Event) => set({ premoderation: { ...this.moderation!.premoderation, [kind]: (e.target as HTMLInputElement).checked } })}
                  />
                  ${KIND_PLURALS[kind]}
                </label>`,
              )}
            </div>
          </fieldset>
          <div class="field">
            <label class="check">
              <input
                id="guest-posting"
                type="checkbox"
                aria-describedby="guest-posting-hint"
                .checked=${m.guestPosting}
                @change=${(e: Event) => set({ guestPosting: (e.target as HTMLInputElement).checked })}
              />
              <span>Guest posting</span>
            </label>
            <span class="hint check-hint" id="guest-posting-hint"
              >Visitors who are not signed in may post in the general forum under a name they choose. Everything they post waits for review.</span
            >
          </div>
          <div class="grid-2">
            ${words('bannedWords', 'Banned words', 'Posts containing these are refused, and the author is asked to change them.')}
            ${words('watchedWords', 'Watched words', 'Posts containing these wait for a moderator.')}
          </div>
          ${words('crisisPhrases', 'Extra crisis phrases', 'Added to Kindred’s built-in detection. Matching posts go first in the queue and the author sees your crisis resources.')}
          <div class="grid-2">
            <div class="field">
              <label for="new-member-threshold">New members’ first posts to review</label>
              <span class="hint" id="nmt-hint">0 publishes everyone’s first post at once.</span>
              <input id="new-member-threshold" type="number" min="0" max="50" aria-describedby="nmt-hint" .value=${String(m.newMemberThreshold)} @change=${(e: Event) => set({ newMemberThreshold: Number((e.target as HTMLInputElement).value) })} />
            </div>
            <div class="field">
              <label for="report-threshold">Reports before an item is hidden for review</label>
              <span class="hint" id="rt-hint">How many members must report it.</span>
              <input id="report-threshold" type="number" min="1" max="50" aria-describedby="rt-hint" .value=${String(m.reportThreshold)} @change=${(e: Event) => set({ reportThreshold: Number((e.target as HTMLInputElement).value) })} />
            </div>
            <div class="field">
              <label for="flood">Posts per minute before a member is asked to slow down</label>
              <span class="hint" id="flood-hint">Stops floods and runaway scripts.</span>
              <input id="flood" type="number" min="1" max="1000" aria-describedby="flood-hint" .value=${String(m.floodPerMinute)} @change=${(e: Event) => set({ floodPerMinute: Number((e.target as HTMLInputElement).value) })} />
            </div>
          </div>
          ${this.renderStoryPremoderation()}
          <fieldset class="field">
            <legend>Links</legend>
            ${LINK_POLICIES.map(
              (p) => html`<label class="check">
                <input type="radio" name="link-policy" value=${p.value} .checked=${m.linkPolicy === p.value} @change=${() => set({ linkPolicy: p.value })} />
                <span>${p.label} <span class="muted small">· ${p.hint}</span></span>
              </label>`,
            )}
          </fieldset>
        </fieldset>
        ${this.saveBar('moderation')}
      </form>
    </section>`;
  }

  private renderStoryPremoderation() {
    const story = this.storyPremoderation;
    if (!story) return nothing;
    const audiences: { key: Exclude<keyof typeof story, 'only_me'>; label: string }[] = [
      { key: 'public', label: 'Public stories' },
      { key: 'members', label: 'Stories for signed-in members' },
      { key: 'group', label: 'Stories for one group' },
      { key: 'care_team', label: 'Stories for the care team' },
    ];
    return html`<fieldset class="field">
      <legend>Stories to review, by who can read them</legend>
      <div class="checks">
        ${audiences.map(
          (a) => html`<label class="check">
            <input type="checkbox" .checked=${story[a.key]} @change=${(e: Event) => (this.storyPremoderation = { ...this.storyPremoderation!, [a.key]: (e.target as HTMLInputElement).checked })} />
            ${a.label}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private setResource(index: number, patch: Partial<CrisisResource>): void {
    this.resources = this.resources.map((r, i) => (i === index ? { ...r, ...patch } : r));
  }

  private renderCrisis() {
    const field = (index: number, key: keyof CrisisResource, label: string, type = 'text', optional = true) => {
      const id = `resource-${index}-${key}`;
      const value = this.resources[index]![key] ?? '';
      return html`<div class="field">
        <label for=${id}>${label}${optional ? html` <span class="muted small">(optional)</span>` : nothing}</label>
        <input
          id=${id}
          type=${type}
          .value=${value}
          @input=${(e: InputEvent) => {
            const v = (e.target as HTMLInputElement).value;
            this.setResource(index, { [key]: optional ? v.trim() || null : v });
          }}
        />
      </div>`;
    };
    return html`<section class="panel" id="crisis" aria-labelledby="crisis-title">
      <h2 id="crisis-title">Crisis resources</h2>
      <p class="muted">Shown at once to a member whose post suggests they may be at risk, and to moderators beside that post. Use services for your region.</p>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          const crisisResources = this.resources.filter((r) => r.name.trim());
          void this.saveSettings('crisis', { crisisResources }, 'Crisis resources saved.');
        }}
      >
        <fieldset ?disabled=${this.readOnly}>
          ${this.resources.map(
            (r, index) => html`<fieldset class="resource">
              <div class="resource-head">
                <legend>${r.name || `Resource ${index + 1}`}</legend>
                ${this.readOnly
                  ? nothing
                  : html`<button type="button" class="button small quiet" aria-label="Remove ${r.name || `resource ${index + 1}`}" @click=${() => (this.resources = this.resources.filter((_, i) => i !== index))}>
                      Remove
                    </button>`}
              </div>
              <div class="grid-2">${field(index, 'name', 'Name', 'text', false)} ${field(index, 'description', 'What it offers', 'text', false)}</div>
              <div class="grid-2">${field(index, 'phone', 'Phone', 'tel')} ${field(index, 'text', 'Text line')}</div>
              ${field(index, 'url', 'Website', 'url')}
            </fieldset>`,
          )}
          ${this.readOnly ? nothing : html`<button type="button" class="button" @click=${() => (this.resources = [...this.resources, emptyResource()])}>Add a resource</button>`}
        </fieldset>
        ${this.saveBar('crisis')}
      </form>
    </section>`;
  }

  private renderConsent(s: SettingsDto) {
    return html`<section class="panel" id="consent" aria-labelledby="consent-title">
      <h2 id="consent-title">Story consent</h2>
      <p class="muted">What authors agree to when they publish a story. Each published text gets a version; every consent records the version agreed to.</p>
      ${s.consentText
        ? html`<h3>Version ${s.consentText.version} <span class="muted small">· published ${formatDateTime(s.consentText.publishedAt)}</span></h3>
            <p class="consent-current">${s.consentText.text}</p>`
        : html`<div class="alert warning">No consent text is published, so members cannot publish stories yet.</div>`}
      ${this.readOnly
        ? nothing
        : html`<form @submit=${this.publishConsent}>
            <div class="field">
              <label for="consent-draft">New version</label>
              <span class="hint" id="consent-hint">Publishing does not change what earlier authors agreed to.</span>
              <textarea id="consent-draft" rows="5" aria-describedby="consent-hint" .value=${this.consentDraft} @input=${(e: InputEvent) => (this.consentDraft = (e.target as HTMLTextAreaElement).value)}></textarea>
            </div>
            <div class="save">
              <button type="submit" class="button primary" ?disabled=${this.saving === 'consent' || !this.consentDraft.trim()}>
                Publish as version ${(s.consentText?.version ?? 0) + 1}
              </button>
              ${this.sectionError('consent')}
            </div>
          </form>`}
    </section>`;
  }

  private renderReviews() {
    const set = (index: number, patch: Partial<{ key: string; label: string }>) =>
      (this.reviewAttrs = this.reviewAttrs.map((a, i) => (i === index ? { ...a, ...patch } : a)));
    return html`<section class="panel" id="reviews" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Reviews</h2>
      <p class="muted">Health circumstances reviewers can share, and readers can filter by (“used during chemotherapy”).</p>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          const reviewAttributes = this.reviewAttrs.filter((a) => a.key.trim() && a.label.trim());
          const patch: SettingsUpdate = { reviewAttributes };
          if (this.settings?.reviewAutoPublishMinRating !== undefined) patch.reviewAutoPublishMinRating = this.autoPublish;
          void this.saveSettings('reviews', patch, 'Reviews saved.');
        }}
      >
        <fieldset ?disabled=${this.readOnly}>
          ${this.reviewAttrs.map(
            (a, index) => html`<div class="attr-row">
              <div class="field">
                <label for="attr-key-${index}">Short name</label>
                <input id="attr-key-${index}" class="mono" spellcheck="false" .value=${a.key} @input=${(e: InputEvent) => set(index, { key: (e.target as HTMLInputElement).value })} />
              </div>
              <div class="field">
                <label for="attr-label-${index}">Label readers see</label>
                <input id="attr-label-${index}" .value=${a.label} @input=${(e: InputEvent) => set(index, { label: (e.target as HTMLInputElement).value })} />
              </div>
              ${this.readOnly
                ? html`<span></span>`
                : html`<button type="button" class="button quiet" aria-label="Remove ${a.label || 'attribute'}" @click=${() => (this.reviewAttrs = this.reviewAttrs.filter((_, i) => i !== index))}>
                    Remove
                  </button>`}
            </div>`,
          )}
          ${this.readOnly ? nothing : html`<button type="button" class="button" @click=${() => (this.reviewAttrs = [...this.reviewAttrs, { key: '', label: '' }])}>Add an attribute</button>`}
          ${this.settings?.reviewAutoPublishMinRating === undefined
            ? nothing
            : html`<div class="field auto-publish">
                <label for="auto-publish">Publish reviews without waiting</label>
                <span class="hint" id="auto-publish-hint">When reviews are reviewed first, those with at least this rating can skip the queue.</span>
                <select id="auto-publish" aria-describedby="auto-publish-hint" @change=${(e: Event) => {
                  const v = (e.target as HTMLSelectElement).value;
                  this.autoPublish = v ? Number(v) : null;
                }}>
                  <option value="" ?selected=${this.autoPublish === null}>Never: every review waits</option>
                  ${[5, 4, 3, 2, 1].map((n) => html`<option value=${n} ?selected=${this.autoPublish === n}>${n === 1 ? 'Any rating' : `${n} stars or more`}</option>`)}
                </select>
              </div>`}
        </fieldset>
        ${this.saveBar('reviews')}
      </form>
    </section>`;
  }

  private renderNotice() {
    return html`<section class="panel" id="notice" aria-labelledby="notice-title">
      <h2 id="notice-title">Notices and features</h2>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.saveSettings(
            'notice',
            { medicalNotice: this.medicalNotice.trim() || null, storyComments: this.storyComments, trustHostBadges: this.trustHostBadges },
            'Notices and features saved.',
          );
        }}
      >
        <fieldset ?disabled=${this.readOnly}>
          <div class="field">
            <label for="medical-notice">“Not medical advice” notice</label>
            <span class="hint" id="notice-hint">Shown above forums and reviews. Leave empty to show none.</span>
            <textarea id="medical-notice" rows="3" aria-describedby="notice-hint" .value=${this.medicalNotice} @input=${(e: InputEvent) => (this.medicalNotice = (e.target as HTMLTextAreaElement).value)}></textarea>
          </div>
          <label class="check">
            <input type="checkbox" .checked=${this.storyComments} @change=${(e: Event) => (this.storyComments = (e.target as HTMLInputElement).checked)} />
            <span>Members can comment on stories</span>
          </label>
          <label class="check">
            <input type="checkbox" .checked=${this.trustHostBadges} @change=${(e: Event) => (this.trustHostBadges = (e.target as HTMLInputElement).checked)} />
            <span>Trust badges your site puts in member tokens <span class="muted small">· e.g. “clinician”, verified by you</span></span>
          </label>
        </fieldset>
        ${this.saveBar('notice')}
      </form>
    </section>`;
  }

  private renderDialogs() {
    const which = this.confirmRotate;
    return html`<dialog id="rotate-dialog" aria-labelledby="rotate-title">
        <div class="dialog-body">
          <h2 id="rotate-title">${which === 'sso' ? 'Rotate the sign-in secret?' : 'Rotate the secret key?'}</h2>
          <p>
            A new ${which === 'sso' ? 'secret' : 'key'} is created and shown once. The current one keeps working for 24 hours so you can update your
            servers, then it is retired.
          </p>
          <div class="dialog-actions">
            <button type="button" class="button" @click=${() => this.rotateDialog.close()}>Cancel</button>
            <button type="button" class="button primary" @click=${this.rotate}>Rotate</button>
          </div>
        </div>
      </dialog>
      <dialog id="secret-dialog" aria-labelledby="secret-title" @close=${() => (this.secret = null)}>
        ${this.secret
          ? html`<div class="dialog-body">
              <h2 id="secret-title">${this.secret.title}</h2>
              <div class="alert warning">${this.secret.note}</div>
              ${this.secret.rows.map(
                (row) => html`<div class="field">
                  <span class="label">${row.label}</span>
                  <code class="secret-value">${row.value}</code>
                  <kc-copy-button .text=${row.value} what=${row.label.toLowerCase()}></kc-copy-button>
                </div>`,
              )}
              <div class="dialog-actions">
                <button type="button" class="button primary" @click=${() => this.secretDialog.close()}>I have stored it safely</button>
              </div>
            </div>`
          : nothing}
      </dialog>`;
  }

  override render() {
    const head = html`<div class="page-head">
      <div>
        <h1 tabindex="-1">Settings</h1>
        <p>${this.readOnly ? 'You can read these settings; an owner can change them.' : 'How your community is embedded, moderated and presented.'}</p>
      </div>
    </div>`;
    if (this.loadError) return html`${head}<div class="alert error" role="alert">${messageFor(this.loadError)}</div>`;
    const s = this.settings;
    if (!s || !this.moderation) return html`${head}<div class="panel" aria-busy="true"><span class="skeleton-line"></span><span class="skeleton-line"></span></div>`;
    return html`${head}
      <div class="layout">
        <nav class="toc" aria-label="Settings sections">
          <ul>
            ${SECTIONS.map(
              (sec) => html`<li>
                <a
                  href="#/settings/${sec.id}"
                  @click=${(e: Event) => {
                    e.preventDefault();
                    const target = this.renderRoot.querySelector<HTMLElement>(`#${sec.id}`);
                    target?.scrollIntoView({ block: 'start' });
                    target?.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
                    target?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
                  }}
                  >${sec.label}</a
                >
              </li>`,
            )}
          </ul>
        </nav>
        <div>
          ${this.renderOrigins(s)} ${this.renderKeys(s)} ${this.renderModeration()} ${this.renderCrisis()} ${this.renderConsent(s)} ${this.renderReviews()}
          ${this.renderNotice()}
        </div>
      </div>
      ${this.readOnly ? nothing : this.renderDialogs()}`;
  }
}

define('kc-settings-screen', SettingsScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-settings-screen': SettingsScreen;
  }
}
