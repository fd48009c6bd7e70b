import { expect } from '@esm-bundle/chai';
import { html } from 'lit';
import { expectAccessible, mount, setup, shadow, type, unmountAll, waitFor } from '../../testing/dom.ts';
import { fixtureTenant } from '../../testing/fixtures.ts';
import type { EmbedScreen } from './embed-screen.ts';
import './embed-screen.ts';
import { elementSnippet, themeCss, WIDGETS } from './snippets.ts';
import { DEFAULT_THEME } from '../../ui/tokens.ts';

async function mountEmbed() {
  const ctx = setup('owner');
  const element = await mount<EmbedScreen>(html`<kc-embed-screen .api=${ctx.api} .session=${ctx.session}></kc-embed-screen>`);
  const root = shadow(element);
  await waitFor(() => root.querySelector('pre'), 'snippets');
  return { ...ctx, element, root };
}

const code = (root: ShadowRoot, id: string) => root.querySelector(`[aria-labelledby="${id}-title"] code`)!.textContent!;

describe('embed codes', () => {
  afterEach(unmountAll);

  it('builds each widget’s element with the key and the chosen options, escaped', () => {
    const reviews = WIDGETS.find((w) => w.name === 'reviews')!;
    expect(elementSnippet(reviews, 'pk_x', { product: 'SKU "1"<', theme: 'dark', lang: '' })).to.equal(
      '<kindred-reviews key="pk_x" product="SKU &quot;1&quot;&lt;" theme="dark"></kindred-reviews>',
    );
    expect(themeCss({ ...DEFAULT_THEME, colorScheme: 'auto' })).to.include('@media (prefers-color-scheme: dark)').and.include('--kindred-color-accent: #0f5f66;');
  });

  it('shows the loader, the element for each widget and copies them', async () => {
    const { root, element } = await mountEmbed();
    expect(code(root, 'loader')).to.equal('<script type="module" src="https://community.kindred.example/kindred.js"></script>');
    expect(code(root, 'element')).to.equal('<kindred-forum key="pk_demo_riverside_clinic"></kindred-forum>');
    type(root.querySelector<HTMLInputElement>('#opt-forum-group')!, 'breast-cancer');
    await element.updateComplete;
    expect(code(root, 'element')).to.equal('<kindred-forum key="pk_demo_riverside_clinic" group="breast-cancer"></kindred-forum>');
    [...root.querySelectorAll<HTMLButtonElement>('.tabs button')].find((b) => b.textContent === 'Recommendations')!.click();
    await element.updateComplete;
    type(root.querySelector<HTMLSelectElement>('#opt-recommendations-attribute')!, 'sensitive-skin');
    await element.updateComplete;
    expect(code(root, 'element')).to.equal('<kindred-recommendations key="pk_demo_riverside_clinic" attribute="sensitive-skin"></kindred-recommendations>');
    const copy = root.querySelector('kc-copy-button')!;
    expect(copy.text).to.include('kindred.js');
  });

  it('signs member tokens as Kindred verifies them: HS256, the kid, aud = the tenant id, sub, name, exp', async () => {
    const { root, element } = await mountEmbed();
    const node = code(root, 'node');
    expect(node).to.include("alg: 'HS256', kid: process.env.KINDRED_SSO_KEY_ID").and.include('.setAudience(process.env.KINDRED_TENANT_ID)');
    expect(node).to.include(`KINDRED_TENANT_ID=${fixtureTenant.id}`).and.include('KINDRED_SSO_KEY_ID=sso_2026_11').and.include(".setExpirationTime('15m')");
    expect(node).to.include('.setSubject(String(user.id))');
    [...root.querySelectorAll<HTMLButtonElement>('.lang-tabs button')].find((b) => b.textContent === 'Python')!.click();
    await element.updateComplete;
    const python = code(root, 'python');
    expect(python).to.include('algorithm="HS256"').and.include('headers={"kid": os.environ["KINDRED_SSO_KEY_ID"]}').and.include('"aud": os.environ["KINDRED_TENANT_ID"]');
    expect(python).to.include('"exp": now + 15 * 60').and.include('"sub": str(user.id)');
    expect(root.textContent).not.to.include('whsec_');
  });

  it('is accessible', async () => {
    const { element } = await mountEmbed();
    await expectAccessible(element);
  });
});
