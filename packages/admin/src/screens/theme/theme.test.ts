import { expect } from '@esm-bundle/chai';
import '@kindred/widgets/forum';
import { html } from 'lit';
import { PALETTE_KEYS } from '../../api/contract.ts';
import { expectAccessible, mount, setup, shadow, type, unmountAll, waitFor } from '../../testing/dom.ts';
import { DEFAULT_DARK, DEFAULT_LIGHT } from '../../ui/tokens.ts';
import { checkPalette, contrastRatio, formatRatio } from './contrast.ts';
import type { ThemeScreen } from './theme-screen.ts';
import './theme-screen.ts';

async function mountTheme() {
  const ctx = setup('owner');
  const element = await mount<ThemeScreen>(html`<kc-theme-screen .api=${ctx.api} .session=${ctx.session}></kc-theme-screen>`);
  const root = shadow(element);
  await waitFor(() => root.querySelector('.preview kindred-forum'), 'preview');
  return { ...ctx, element, root };
}

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.be.closeTo(21, 0.001);
    expect(contrastRatio('#ffffff', '#ffffff')).to.equal(1);
    expect(formatRatio(contrastRatio('#777777', '#ffffff'))).to.equal('4.47:1');
    expect(contrastRatio('#fff', '#000')).to.be.closeTo(21, 0.001);
    expect(Number.isNaN(contrastRatio('red', '#000'))).to.equal(true);
  });

  it('passes every pair of the default palettes', () => {
    for (const palette of [DEFAULT_LIGHT, DEFAULT_DARK]) expect(checkPalette(palette).filter((r) => !r.passes)).to.deep.equal([]);
  });
});

describe('theme editor', () => {
  afterEach(unmountAll);

  it('uses the same default tokens as the widgets', async () => {
    const forum = await mount<HTMLElement>(html`<kindred-forum></kindred-forum>`);
    const style = getComputedStyle(forum);
    for (const key of PALETTE_KEYS) expect(style.getPropertyValue(`--k-${key}`).trim(), key).to.equal(DEFAULT_LIGHT[key]);
  });

  it('previews the palette on real widgets and warns for each failing pair', async () => {
    const { root, element } = await mountTheme();
    expect(root.querySelector('.alert.success')!.textContent).to.include('meets WCAG AA');
    type(root.querySelector<HTMLInputElement>('#colour-text-muted')!, '#9aa0a6');
    await element.updateComplete;
    const warning = root.querySelector('[role="status"].alert')!;
    expect(warning.textContent).to.include('2 pairs fail');
    const fails = [...root.querySelectorAll('.checks li')].filter((li) => li.querySelector('.fail')).map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(fails).to.have.length(2);
    expect(fails[0]).to.include('Secondary text').and.include('needs 4.5:1');
    const preview = root.querySelector<HTMLElement>('.preview')!;
    expect(preview.style.getPropertyValue('--kindred-color-text-muted')).to.equal('#9aa0a6');
    const forum = preview.querySelector('kindred-forum')!;
    expect(getComputedStyle(forum).getPropertyValue('--k-text-muted').trim()).to.equal('#9aa0a6');
  });

  it('edits the dark palette separately and saves the whole theme', async () => {
    const { root, element, server } = await mountTheme();
    [...root.querySelectorAll<HTMLButtonElement>('.tabs button')].find((b) => b.textContent === 'Dark')!.click();
    await element.updateComplete;
    expect(root.querySelector('.preview kindred-forum')!.getAttribute('theme')).to.equal('dark');
    type(root.querySelector<HTMLInputElement>('#colour-accent')!, '#88ccff');
    type(root.querySelector<HTMLSelectElement>('#radius')!, '0.375rem');
    type(root.querySelector<HTMLSelectElement>('#scheme')!, 'auto');
    await element.updateComplete;
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Save theme'))!.click();
    await waitFor(() => server.callsTo('staff.settings.update').length === 1);
    const theme = (server.callsTo('staff.settings.update')[0]!.input as { theme: { dark: { accent: string }; light: { accent: string }; radius: string; colorScheme: string } }).theme;
    expect(theme.dark.accent).to.equal('#88ccff');
    expect(theme.light.accent).to.equal(DEFAULT_LIGHT.accent);
    expect(theme).to.deep.include({ radius: '0.375rem', colorScheme: 'auto' });
  });

  it('ignores a colour that is not #rrggbb', async () => {
    const { root, element } = await mountTheme();
    const input = root.querySelector<HTMLInputElement>('#colour-bg')!;
    type(input, 'url(javascript:alert(1))');
    await element.updateComplete;
    expect(input.value).to.equal('#ffffff');
  });

  it('is accessible, its live preview of the widgets included', async () => {
    const { element } = await mountTheme();
    await expectAccessible(element);
  });
});
