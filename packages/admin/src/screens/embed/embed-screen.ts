/**
 * Embed codes: for each widget, the snippet with the organisation's publishable key and the
 * options chosen here, with a copy button; the theme as CSS; and the code a host's backend runs
 * to sign a member token (Node with jose, Python with PyJWT).
 */
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConsoleError } from '../../api/client.ts';
import type { SettingsDto } from '../../api/contract.ts';
import { messageFor } from '../../api/messages.ts';
import { ConsoleElement, define } from '../../ui/console-element.ts';
import '../../ui/copy-button.ts';
import { consoleStyles } from '../../ui/styles.ts';
import {
  elementSnippet,
  loaderSnippet,
  nodeSigningSnippet,
  pageTokenSnippet,
  pythonSigningSnippet,
  themeCss,
  WIDGETS,
  type WidgetName,
  type WidgetSpec,
} from './snippets.ts';

export class EmbedScreen extends ConsoleElement {
  static override styles = [
    consoleStyles,
    css`
      .tabs {
        display: flex;
        flex-wrap: wrap;
        gap: 0.375rem;
        margin-bottom: 1rem;
      }
      .tabs button[aria-pressed='true'] {
        background: var(--k-accent);
        border-color: var(--k-accent);
        color: var(--k-accent-text);
      }
      .description {
        margin-bottom: 1rem;
      }
      .options {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: 0 1rem;
      }
      .snippet {
        position: relative;
        margin-top: 0.5rem;
      }
      .snippet-head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        margin-bottom: 0.375rem;
      }
      pre {
        margin: 0;
        padding: 0.875rem 1rem;
        overflow-x: auto;
        background: #1b2430;
        color: #e9edf1;
        border-radius: calc(var(--k-radius) * 0.8);
        font: 0.875rem/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      pre:focus-visible {
        outline: 3px solid var(--k-focus);
      }
      .steps {
        margin: 0 0 1rem;
        padding-inline-start: 1.25rem;
      }
      .steps li + li {
        margin-top: 0.25rem;
      }
      .lang-tabs {
        display: flex;
        gap: 0.375rem;
        margin-bottom: 0.5rem;
      }
      .lang-tabs button[aria-pressed='true'] {
        border-color: var(--k-accent);
        color: var(--k-accent);
        background: var(--k-accent-soft);
      }
    `,
  ];

  @property({ attribute: false }) routeId = '';
  @state() private settings: SettingsDto | null = null;
  @state() private error: ConsoleError | null = null;
  @state() private widget: WidgetName = 'forum';
  @state() private options: Record<WidgetName, Record<string, string>> = { forum: {}, groups: {}, stories: {}, reviews: {}, recommendations: {} };
  @state() private language: 'node' | 'python' = 'node';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.settings = await this.api.settings.get();
      const theme = this.settings.theme.colorScheme;
      for (const name of Object.keys(this.options) as WidgetName[]) this.options[name] = { theme: theme === 'light' ? '' : theme, lang: '' };
    } catch (error) {
      this.error = error as ConsoleError;
    }
  }

  private setOption(name: string, value: string): void {
    this.options = { ...this.options, [this.widget]: { ...this.options[this.widget], [name]: value } };
  }

  private snippet(id: string, title: string, code: string, what: string) {
    return html`<div class="snippet">
      <div class="snippet-head">
        <h3 id="${id}-title">${title}</h3>
        <kc-copy-button .text=${code} what=${what}></kc-copy-button>
      </div>
      <pre tabindex="0" aria-labelledby="${id}-title"><code>${code}</code></pre>
    </div>`;
  }

  private renderOption(spec: WidgetSpec, option: WidgetSpec['options'][number]) {
    const id = `opt-${spec.name}-${option.name}`;
    const value = this.options[spec.name][option.name] ?? '';
    if (option.name === 'attribute' && this.settings?.reviewAttributes.length)
      return html`<div class="field">
        <label for=${id}>${option.label}</label>
        <span class="hint" id="${id}-hint">${option.hint}</span>
        <select id=${id} aria-describedby="${id}-hint" @change=${(e: Event) => this.setOption(option.name, (e.target as HTMLSelectElement).value)}>
          <option value="">Any</option>
          ${this.settings.reviewAttributes.map((a) => html`<option value=${a.key} ?selected=${value === a.key}>${a.label}</option>`)}
        </select>
      </div>`;
    return html`<div class="field">
      <label for=${id}>${option.label}</label>
      <span class="hint" id="${id}-hint">${option.hint}</span>
      <input
        id=${id}
        spellcheck="false"
        placeholder=${option.placeholder ?? ''}
        aria-describedby="${id}-hint"
        .value=${value}
        @input=${(e: InputEvent) => this.setOption(option.name, (e.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  override render() {
    const head = html`<div class="page-head">
      <div>
        <h1 tabindex="-1">Embed codes</h1>
        <p>Everything your web developer needs to add the community to your site.</p>
      </div>
    </div>`;
    if (this.error) return html`${head}<div class="alert error" role="alert">${messageFor(this.error)}</div>`;
    const s = this.settings;
    if (!s) return html`${head}<div class="panel" aria-busy="true"><span class="skeleton-line"></span></div>`;
    const spec = WIDGETS.find((w) => w.name === this.widget)!;
    const options = this.options[spec.name];
    const missing = spec.options.filter((o) => o.required && !options[o.name]?.trim());
    const activeKey = s.ssoKeys.find((k) => k.status === 'active')?.kid ?? '<your key id>';
    const signing = { tenantId: this.session.tenant.id, keyId: activeKey };
    return html`${head}
      ${s.origins.length
        ? nothing
        : html`<div class="alert warning">No site is allowed to embed your community yet. Add your site’s origin in <a href="#/settings">Settings</a> first.</div>`}
      <section class="panel" aria-labelledby="step-1">
        <h2 id="step-1">1. Load Kindred once per page</h2>
        ${this.snippet('loader', 'Script tag', loaderSnippet(s.apiOrigin), 'the script tag')}
      </section>
      <section class="panel" aria-labelledby="step-2">
        <h2 id="step-2">2. Place a widget</h2>
        <div class="tabs" role="group" aria-label="Widget">
          ${WIDGETS.map(
            (w) => html`<button type="button" class="button small" aria-pressed=${w.name === this.widget ? 'true' : 'false'} @click=${() => (this.widget = w.name)}>${w.label}</button>`,
          )}
        </div>
        <p class="muted description">${spec.description}</p>
        <div class="options">
          ${spec.options.map((o) => this.renderOption(spec, o))}
          <div class="field">
            <label for="opt-theme">Colour scheme</label>
            <span class="hint" id="opt-theme-hint">Light unless you choose otherwise.</span>
            <select id="opt-theme" aria-describedby="opt-theme-hint" @change=${(e: Event) => this.setOption('theme', (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!options.theme}>Light</option>
              <option value="dark" ?selected=${options.theme === 'dark'}>Dark</option>
              <option value="auto" ?selected=${options.theme === 'auto'}>Follow the device</option>
            </select>
          </div>
          <div class="field">
            <label for="opt-lang">Language</label>
            <span class="hint" id="opt-lang-hint">Otherwise your page’s language.</span>
            <select id="opt-lang" aria-describedby="opt-lang-hint" @change=${(e: Event) => this.setOption('lang', (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!options.lang}>The page’s language</option>
              <option value="en" ?selected=${options.lang === 'en'}>English</option>
              <option value="es" ?selected=${options.lang === 'es'}>Spanish</option>
            </select>
          </div>
        </div>
        ${missing.length ? html`<div class="alert warning">Fill in: ${missing.map((o) => o.label).join(', ')}.</div>` : nothing}
        ${this.snippet('element', `${spec.label} element`, elementSnippet(spec, s.publishableKey, options), `the ${spec.label.toLowerCase()} element`)}
      </section>
      <section class="panel" aria-labelledby="step-3">
        <h2 id="step-3">3. Sign your members in</h2>
        <ol class="steps">
          <li>Your backend signs a short-lived token for the signed-in visitor with your sign-in (SSO) secret.</li>
          <li>Your page hands it to the widgets, and a fresh one when they ask.</li>
        </ol>
        <div class="lang-tabs" role="group" aria-label="Backend language">
          <button type="button" class="button small" aria-pressed=${this.language === 'node' ? 'true' : 'false'} @click=${() => (this.language = 'node')}>Node.js</button>
          <button type="button" class="button small" aria-pressed=${this.language === 'python' ? 'true' : 'false'} @click=${() => (this.language = 'python')}>Python</button>
        </div>
        ${this.language === 'node'
          ? this.snippet('node', 'Backend: sign a member token (Node.js, jose)', nodeSigningSnippet(signing), 'the Node.js code')
          : this.snippet('python', 'Backend: sign a member token (Python, PyJWT)', pythonSigningSnippet(signing), 'the Python code')}
        ${this.snippet('page', 'Page: hand the token to the widgets', pageTokenSnippet(), 'the page code')}
      </section>
      <section class="panel" aria-labelledby="step-4">
        <h2 id="step-4">Your theme as CSS</h2>
        <p class="muted">The colours, font and corners from the Theme page as custom properties: add them to your site’s stylesheet.</p>
        ${this.snippet('theme', 'Stylesheet', themeCss(s.theme), 'the theme CSS')}
      </section>`;
  }
}

define('kc-embed-screen', EmbedScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-embed-screen': EmbedScreen;
  }
}
