/**
 * The theme editor: colours for the light and dark palettes, font and corner radius, with the
 * real widgets previewed beside the controls and a WCAG AA contrast check that warns for every
 * text/background pair (and UI pair) that fails. Saved as the tenant's theme.
 */
import '@kindred/widgets/forum';
import '@kindred/widgets/reviews';
import type { KindredForum } from '@kindred/widgets/forum';
import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ConsoleError } from '../../api/client.ts';
import { PALETTE_KEYS, type Palette, type PaletteKey, type ThemeDto } from '../../api/contract.ts';
import { messageFor } from '../../api/messages.ts';
import { ConsoleElement, define } from '../../ui/console-element.ts';
import { consoleStyles } from '../../ui/styles.ts';
import { DEFAULT_THEME } from '../../ui/tokens.ts';
import { checkPalette, formatRatio, parseHex } from './contrast.ts';
import { previewClient } from './preview-client.ts';

type WidgetClient = NonNullable<KindredForum['client']>;

export const COLOUR_LABELS: Record<PaletteKey, string> = {
  bg: 'Background',
  surface: 'Panels',
  text: 'Text',
  'text-muted': 'Secondary text',
  accent: 'Accent (links, main buttons)',
  'accent-text': 'Text on accent',
  border: 'Dividers',
  'border-strong': 'Field borders',
  danger: 'Errors',
  focus: 'Focus ring',
};

const FONTS: { label: string; value: string }[] = [
  { label: 'System (default)', value: DEFAULT_THEME.fontFamily },
  { label: 'Humanist sans', value: "'Segoe UI', Candara, 'Trebuchet MS', sans-serif" },
  { label: 'Serif', value: "Georgia, 'Times New Roman', serif" },
  { label: 'Your site’s font (inherit)', value: 'inherit' },
];

const RADII: { label: string; value: string }[] = [
  { label: 'Square', value: '0' },
  { label: 'Subtle', value: '0.375rem' },
  { label: 'Rounded (default)', value: '0.75rem' },
  { label: 'Soft', value: '1.25rem' },
];

export class ThemeScreen extends ConsoleElement {
  static override styles = [
    consoleStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(20rem, 26rem) minmax(0, 1fr);
        gap: 1.25rem;
        align-items: start;
      }
      .tabs {
        display: inline-flex;
        padding: 0.25rem;
        gap: 0.25rem;
        background: var(--k-surface);
        border: 1px solid var(--k-border);
        border-radius: calc(var(--k-radius) * 0.9);
        margin-bottom: 1rem;
      }
      .tabs button {
        min-height: 2.25rem;
        padding: 0.25rem 1rem;
        border: 0;
        border-radius: calc(var(--k-radius) * 0.7);
        background: transparent;
        font-weight: 600;
      }
      .tabs button[aria-pressed='true'] {
        background: var(--k-bg);
        color: var(--k-accent);
        box-shadow: 0 1px 3px rgb(15 23 42 / 0.15);
      }
      .colour {
        display: grid;
        grid-template-columns: 2.75rem minmax(0, 1fr) 6.5rem;
        gap: 0.5rem;
        align-items: center;
        padding: 0.3125rem 0;
      }
      .colour label {
        margin: 0;
        font-weight: 500;
      }
      .colour input[type='color'] {
        width: 2.75rem;
        height: 2.25rem;
        padding: 0.125rem;
        border: 1px solid var(--k-border-strong);
        border-radius: 0.5rem;
        background: var(--k-bg);
        cursor: pointer;
      }
      .colour input.hex {
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-size: 0.875rem;
        min-height: 2.25rem;
        padding: 0.25rem 0.5rem;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      legend {
        font-weight: 650;
        margin-bottom: 0.5rem;
        padding: 0;
      }
      .checks {
        list-style: none;
        padding: 0;
        margin: 0;
        font-size: 0.9375rem;
      }
      .checks li {
        display: flex;
        justify-content: space-between;
        gap: 0.75rem;
        padding: 0.375rem 0;
        border-bottom: 1px solid var(--k-border);
      }
      .checks li:last-child {
        border-bottom: 0;
      }
      .checks .fail {
        color: var(--k-danger);
        font-weight: 600;
      }
      .preview-frame {
        position: sticky;
        top: 5rem;
        border: 1px solid var(--k-border);
        border-radius: var(--k-radius);
        overflow: hidden;
        background: var(--k-bg);
      }
      .preview-bar {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        padding: 0.5rem 1rem;
        background: var(--k-surface);
        border-bottom: 1px solid var(--k-border);
        font-size: 0.875rem;
      }
      .preview {
        padding: 1.25rem;
        max-height: 44rem;
        overflow: auto;
        background: var(--preview-bg, #ffffff);
      }
      .preview > * + * {
        margin-top: 1.5rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 1rem;
      }
      @media (max-width: 72rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        .preview-frame {
          position: static;
        }
      }
    `,
  ];

  @property({ attribute: false }) routeId = '';
  @state() private theme: ThemeDto | null = null;
  @state() private saved: ThemeDto | null = null;
  @state() private editing: 'light' | 'dark' = 'light';
  @state() private loadError: ConsoleError | null = null;
  @state() private saveError: ConsoleError | null = null;
  @state() private saving = false;
  @query('.preview') private preview?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const settings = await this.api.settings.get();
      this.theme = structuredClone(settings.theme);
      this.saved = structuredClone(settings.theme);
      this.editing = settings.theme.colorScheme === 'dark' ? 'dark' : 'light';
    } catch (error) {
      this.loadError = error as ConsoleError;
    }
  }

  private get dirty(): boolean {
    return JSON.stringify(this.theme) !== JSON.stringify(this.saved);
  }

  private setColour(key: PaletteKey, value: string): void {
    if (!this.theme) return;
    const hex = value.trim().toLowerCase();
    if (!parseHex(hex)) return;
    const full = hex.startsWith('#') ? hex : `#${hex}`;
    const normalised = full.length === 4 ? `#${[...full.slice(1)].map((c) => c + c).join('')}` : full;
    this.theme = { ...this.theme, [this.editing]: { ...this.theme[this.editing], [key]: normalised } };
  }

  private async save(): Promise<void> {
    if (!this.theme || this.saving) return;
    this.saving = true;
    this.saveError = null;
    try {
      const settings = await this.api.settings.update({ theme: this.theme });
      this.theme = structuredClone(settings.theme);
      this.saved = structuredClone(settings.theme);
      this.toast({ message: 'Theme saved. Widgets on your sites use it from their next load.', tone: 'success' });
    } catch (error) {
      this.saveError = error as ConsoleError;
    } finally {
      this.saving = false;
    }
  }

  /** Applies the edited palette to the preview through CSSOM (allowed by the console's CSP). */
  protected override updated(): void {
    const preview = this.preview;
    if (!preview || !this.theme) return;
    const palette: Palette = this.theme[this.editing];
    for (const key of PALETTE_KEYS) preview.style.setProperty(`--kindred-color-${key}`, palette[key]);
    preview.style.setProperty('--kindred-font-family', this.theme.fontFamily);
    preview.style.setProperty('--kindred-radius', this.theme.radius);
    preview.style.setProperty('--preview-bg', palette.bg);
  }

  private renderColours(palette: Palette) {
    return html`<fieldset>
      <legend>${this.editing === 'light' ? 'Light' : 'Dark'} palette</legend>
      ${PALETTE_KEYS.map((key) => {
        const id = `colour-${key}`;
        return html`<div class="colour">
          <input type="color" id="${id}-picker" aria-label="${COLOUR_LABELS[key]}: pick a colour" .value=${palette[key]} @input=${(e: InputEvent) => this.setColour(key, (e.target as HTMLInputElement).value)} />
          <label for=${id}>${COLOUR_LABELS[key]}</label>
          <input
            id=${id}
            class="hex"
            spellcheck="false"
            maxlength="7"
            .value=${palette[key]}
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              this.setColour(key, input.value);
              input.value = this.theme![this.editing][key];
            }}
          />
        </div>`;
      })}
    </fieldset>`;
  }

  private renderContrast(palette: Palette) {
    const results = checkPalette(palette);
    const failing = results.filter((r) => !r.passes);
    return html`<section class="panel" aria-labelledby="contrast-title">
      <h2 id="contrast-title">Contrast check (WCAG AA)</h2>
      <div class="alert ${failing.length ? 'warning' : 'success'}" role="status">
        ${failing.length
          ? `${failing.length} ${failing.length === 1 ? 'pair fails' : 'pairs fail'} in the ${this.editing} palette. Members with low vision may not be able to read them.`
          : `Every pair in the ${this.editing} palette meets WCAG AA.`}
      </div>
      <ul class="checks">
        ${results.map(
          (r) => html`<li>
            <span>${r.use} <span class="muted small">(${COLOUR_LABELS[r.fg]} on ${COLOUR_LABELS[r.bg].toLowerCase()})</span></span>
            <span class=${r.passes ? '' : 'fail'}>${formatRatio(r.ratio)} ${r.passes ? '✓' : html`· needs ${r.minimum}:1`}</span>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  override render() {
    const head = html`<div class="page-head">
      <div>
        <h1 tabindex="-1">Theme</h1>
        <p>Colours, type and corners of every widget on your sites. Your site’s own CSS can still override them.</p>
      </div>
    </div>`;
    if (this.loadError) return html`${head}<div class="alert error" role="alert">${messageFor(this.loadError)}</div>`;
    const theme = this.theme;
    if (!theme) return html`${head}<div class="panel" aria-busy="true"><span class="skeleton-line"></span></div>`;
    const palette = theme[this.editing];
    const client = previewClient as unknown as WidgetClient;
    return html`${head}
      <div class="layout">
        <div>
          <section class="panel" aria-labelledby="controls-title">
            <h2 id="controls-title">Look and feel</h2>
            <div class="field">
              <label for="scheme">Colour scheme on your sites</label>
              <select id="scheme" @change=${(e: Event) => (this.theme = { ...this.theme!, colorScheme: (e.target as HTMLSelectElement).value as ThemeDto['colorScheme'] })}>
                <option value="light" ?selected=${theme.colorScheme === 'light'}>Always light</option>
                <option value="dark" ?selected=${theme.colorScheme === 'dark'}>Always dark</option>
                <option value="auto" ?selected=${theme.colorScheme === 'auto'}>Follow the visitor’s device</option>
              </select>
            </div>
            <div class="tabs" role="group" aria-label="Palette to edit and preview">
              <button type="button" aria-pressed=${this.editing === 'light' ? 'true' : 'false'} @click=${() => (this.editing = 'light')}>Light</button>
              <button type="button" aria-pressed=${this.editing === 'dark' ? 'true' : 'false'} @click=${() => (this.editing = 'dark')}>Dark</button>
            </div>
            ${this.renderColours(palette)}
            <div class="field">
              <label for="font">Font</label>
              <select id="font" @change=${(e: Event) => (this.theme = { ...this.theme!, fontFamily: (e.target as HTMLSelectElement).value })}>
                ${FONTS.map((f) => html`<option value=${f.value} ?selected=${theme.fontFamily === f.value}>${f.label}</option>`)}
                ${FONTS.some((f) => f.value === theme.fontFamily) ? nothing : html`<option value=${theme.fontFamily} selected>${theme.fontFamily}</option>`}
              </select>
            </div>
            <div class="field">
              <label for="radius">Corners</label>
              <select id="radius" @change=${(e: Event) => (this.theme = { ...this.theme!, radius: (e.target as HTMLSelectElement).value })}>
                ${RADII.map((r) => html`<option value=${r.value} ?selected=${theme.radius === r.value}>${r.label}</option>`)}
                ${RADII.some((r) => r.value === theme.radius) ? nothing : html`<option value=${theme.radius} selected>${theme.radius}</option>`}
              </select>
            </div>
            <div class="actions">
              <button type="button" class="button primary" ?disabled=${this.saving || !this.dirty} @click=${this.save}>${this.saving ? 'Saving…' : 'Save theme'}</button>
              <button type="button" class="button" ?disabled=${!this.dirty} @click=${() => (this.theme = structuredClone(this.saved))}>Discard changes</button>
              <button type="button" class="button quiet" @click=${() => (this.theme = { ...structuredClone(DEFAULT_THEME), colorScheme: theme.colorScheme })}>Kindred defaults</button>
            </div>
            ${this.saveError ? html`<div class="alert error" role="alert">${messageFor(this.saveError)}</div>` : nothing}
          </section>
          ${this.renderContrast(palette)}
        </div>
        <section class="preview-frame" aria-labelledby="preview-title">
          <div class="preview-bar">
            <h2 id="preview-title" class="small">Preview · ${this.editing} palette</h2>
            <span class="muted">Sample content; nothing here is real.</span>
          </div>
          <div class="preview" inert>
            <kindred-forum theme=${this.editing} .client=${client}></kindred-forum>
            <kindred-reviews theme=${this.editing} product="BALM-50" .client=${client}></kindred-reviews>
          </div>
        </section>
      </div>`;
  }
}

define('kc-theme-screen', ThemeScreen);

declare global {
  interface HTMLElementTagNameMap {
    'kc-theme-screen': ThemeScreen;
  }
}
