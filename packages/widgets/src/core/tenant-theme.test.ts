/**
 * The tenant's theme (`appearance.theme`) as every widget's defaults: applied after the first
 * render through an adopted stylesheet, under the host page's own `--kindred-*` properties, only
 * from values of safe shapes, once per page and key.
 */
import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { html } from 'lit';
import '../forum/define.ts';
import type { KindredForum } from '../forum/define.ts';
import '../groups/define.ts';
import type { KindredGroups } from '../groups/define.ts';
import { GroupsMockClient } from '../groups/testing/mock-client.ts';
import '../stories/define.ts';
import { StoriesMockClient } from '../stories/testing/mock-client.ts';
import { deepQuery, expectAccessible, mount, unmountAll, waitFor } from '../testing/dom.ts';
import { fixtureTheme } from '../testing/fixtures.ts';
import { listed } from '../testing/forum-helpers.ts';
import { MockClient } from '../testing/mock-client.ts';
import type { ThemeDto } from './api-types.ts';
import { forgetTenantThemes, themeCss } from './tenant-theme.ts';

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};
const DEFAULT_BG = rgb('#ffffff');
const DEFAULT_ACCENT = rgb('#0f5f66');

async function forum(client: MockClient, attrs: { theme?: string; key?: string } = {}): Promise<KindredForum> {
  // No theme attribute unless asked: that is how a host page that set none looks.
  const el = await mount<KindredForum>(html`<kindred-forum .client=${client} key=${attrs.key ?? ''}></kindred-forum>`);
  if (attrs.theme) el.setAttribute('theme', attrs.theme);
  return el;
}

const frame = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
const style = (el: Element) => getComputedStyle(frame(el));
const primaryButton = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('.button.primary')!;
/** Waits until the frame's background is `hex` (the theme arrives after the first render). */
const backgroundIs = (el: Element, hex: string) => waitFor(() => style(el).backgroundColor === rgb(hex), `the background ${hex}`);

/** Waits for a colour that eases in (buttons and cards have a short transition). */
const eventually = (element: Element, property: 'backgroundColor' | 'color', value: string) =>
  waitFor(() => getComputedStyle(element)[property] === value, `${property} ${value}`);
/** Cards and buttons ease their colours (120 ms): let them finish before checking contrast. */
const transitionsDone = () => new Promise((r) => setTimeout(r, 250));

const themed = (changes: Partial<ThemeDto> = {}): ThemeDto => ({ ...structuredClone(fixtureTheme), ...changes });

const added: HTMLStyleElement[] = [];
function hostPageStyle(css: string): void {
  const element = document.createElement('style');
  element.textContent = css;
  document.head.append(element);
  added.push(element);
}

beforeEach(() => forgetTenantThemes());
afterEach(async () => {
  unmountAll();
  added.splice(0).forEach((s) => s.remove());
  await emulateMedia({ colorScheme: 'light' });
});

describe('tenant theme', () => {
  it('never holds up the first render: the built-in defaults show while it is on its way', async () => {
    const client = new MockClient({ theme: fixtureTheme }).hang('appearance.theme');
    const el = await forum(client);
    await listed(el);
    expect(client.callsTo('appearance.theme')).to.have.length(1);
    expect(style(el).backgroundColor).to.equal(DEFAULT_BG);
    expect(getComputedStyle(primaryButton(el)).backgroundColor).to.equal(DEFAULT_ACCENT);
  });

  it("then uses the tenant's colours, font and radius, through an adopted stylesheet only", async () => {
    const el = await forum(new MockClient({ theme: fixtureTheme }));
    await listed(el);
    await backgroundIs(el, fixtureTheme.light.bg);
    await eventually(primaryButton(el), 'backgroundColor', rgb(fixtureTheme.light.accent));
    expect(getComputedStyle(primaryButton(el)).color).to.equal(rgb(fixtureTheme.light['accent-text']));
    expect(style(el).color).to.equal(rgb(fixtureTheme.light.text));
    expect(style(el).fontFamily).to.equal('Georgia, "Times New Roman", serif');
    expect(style(el).borderRadius).to.equal('4px');
    // Strict-CSP safe: no <style> element, no style attribute, one constructed sheet more.
    expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(0);
    expect(el.hasAttribute('style')).to.equal(false);
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(KindredForumStylesCount(el) + 1);
    // Nested elements inherit it (the thread list's cards).
    const card = deepQuery(el.shadowRoot!.querySelector('kindred-forum-thread-list')!, '.card')!;
    await eventually(card, 'backgroundColor', rgb(fixtureTheme.light.bg));
    expect(el.hasAttribute('theme')).to.equal(false);
    await transitionsDone();
    await expectAccessible(el);
  });

  it("lets the host page's own --kindred-* properties win", async () => {
    hostPageStyle('kindred-forum { --kindred-color-accent: #000000; }');
    const el = await forum(new MockClient({ theme: fixtureTheme }));
    await listed(el);
    await backgroundIs(el, fixtureTheme.light.bg);
    await transitionsDone();
    expect(getComputedStyle(primaryButton(el)).backgroundColor).to.equal('rgb(0, 0, 0)');
  });

  it('ignores values of the wrong shape, keeping the defaults for them', async () => {
    const bad = themed({
      light: {
        ...fixtureTheme.light,
        bg: 'red',
        accent: '#0f5f66;color:red',
        text: '#12345g',
        'accent-text': 'url(https://evil.example/x)',
      },
      fontFamily: "Georgia;}:host{display:none",
      radius: 'calc(100vw)',
    });
    const el = await forum(new MockClient({ theme: bad }));
    await listed(el);
    await waitFor(() => style(el).getPropertyValue('--k-surface').trim() === fixtureTheme.light.surface, 'the valid colours');
    await transitionsDone();
    expect(style(el).backgroundColor).to.equal(DEFAULT_BG);
    expect(getComputedStyle(primaryButton(el)).backgroundColor).to.equal(DEFAULT_ACCENT);
    expect(style(el).color).to.equal(rgb('#1b2430'));
    expect(getComputedStyle(el).display).to.equal('block');
    expect(style(el).borderRadius).to.equal('12px'); // 0.75rem
    expect(style(el).fontFamily).to.contain('system-ui');
  });

  it('builds its CSS only from colours, font names and lengths', () => {
    const css = themeCss({
      light: { bg: '#ABCDEF', surface: '}body{background:red}', focus: '#fff' } as ThemeDto['light'],
      dark: { ['bg;x' as 'bg']: '#000000', text: '#000000' } as ThemeDto['dark'],
      fontFamily: '"Open Sans", Arial, sans-serif',
      radius: '0.5rem',
    });
    expect(css).to.equal(
      ':host{--k-bg:var(--kindred-color-bg,#ABCDEF);--k-font:var(--kindred-font-family,"Open Sans", Arial, sans-serif);' +
        '--k-radius:var(--kindred-radius,0.5rem);}' +
        ':host([theme=dark]){--k-text:var(--kindred-color-text,#000000);}' +
        '@media (prefers-color-scheme:dark){:host([theme=auto]){--k-text:var(--kindred-color-text,#000000);}}',
    );
    for (const fontFamily of ['a;b', 'x}', "'unclosed", 'a\\62', 'url(x)', 'a/**/b', 'a:b', '<b>']) {
      expect(themeCss({ fontFamily }), fontFamily).not.to.contain('--k-font');
    }
    for (const radius of ['1e3px', '-1px', '10vw', '4 px', 'calc(1px)', '100px', '1.5rem;']) {
      expect(themeCss({ radius }), radius).not.to.contain('--k-radius');
    }
  });

  it('asks once per page and key, however many widgets', async () => {
    const client = new MockClient({ theme: fixtureTheme });
    const other = new StoriesMockClient();
    const widgets = await Promise.all([
      forum(client, { key: 'pk_test' }),
      forum(client, { key: 'pk_test' }),
      mount(html`<kindred-stories .client=${other} key="pk_test"></kindred-stories>`),
    ]);
    for (const el of widgets) await backgroundIs(el, fixtureTheme.light.bg);
    expect(client.callsTo('appearance.theme')).to.have.length(1);
    expect(other.callsTo('appearance.theme' as never)).to.have.length(0);
  });

  it("asks once for a groups widget and its group page's forum (which has no key of its own)", async () => {
    const forumClient = new MockClient({ theme: fixtureTheme });
    const el = await mount<KindredGroups>(
      html`<kindred-groups .client=${new GroupsMockClient({ forum: forumClient })} key="pk_test" token="t" group="long-covid"></kindred-groups>`,
    );
    const page = await waitFor(() => el.shadowRoot!.querySelector('kindred-group-page')?.shadowRoot, 'the group page');
    const nested = await waitFor(() => page.querySelector('kindred-forum')?.shadowRoot && page.querySelector('kindred-forum')!, 'the group forum');
    await backgroundIs(nested, fixtureTheme.light.bg);
    await backgroundIs(el, fixtureTheme.light.bg);
    expect(forumClient.callsTo('appearance.theme')).to.have.length(1);
  });

  it("uses the tenant's dark scheme when the page set no theme, but not over the page's choice", async () => {
    const dark = themed({ colorScheme: 'dark' });
    const el = await forum(new MockClient({ theme: dark }));
    await backgroundIs(el, dark.dark.bg);
    expect(el.getAttribute('theme')).to.equal('dark');
    await transitionsDone();
    await expectAccessible(el);
    unmountAll();
    forgetTenantThemes();
    const light = await mount<KindredForum>(html`<kindred-forum .client=${new MockClient({ theme: dark })} theme="light"></kindred-forum>`);
    await backgroundIs(light, dark.light.bg);
    expect(light.getAttribute('theme')).to.equal('light');
  });

  it("follows the device with the tenant's 'auto'", async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = themed({ colorScheme: 'auto' });
    const el = await forum(new MockClient({ theme: auto }));
    await backgroundIs(el, auto.dark.bg);
    expect(el.getAttribute('theme')).to.equal('auto');
    await emulateMedia({ colorScheme: 'light' });
    await backgroundIs(el, auto.light.bg);
  });

  it('keeps the built-in defaults when the theme cannot be loaded', async () => {
    const client = new MockClient(); // answers appearance.theme with NOT_FOUND
    const el = await forum(client);
    await listed(el);
    await waitFor(() => client.callsTo('appearance.theme').length, 'the theme request');
    await new Promise((r) => setTimeout(r, 50));
    expect(style(el).backgroundColor).to.equal(DEFAULT_BG);
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(KindredForumStylesCount(el));
  });

  it('swaps to the new tenant when the client changes, with one tenant stylesheet', async () => {
    const el = await forum(new MockClient({ theme: fixtureTheme }));
    await backgroundIs(el, fixtureTheme.light.bg);
    const second = themed({ light: { ...fixtureTheme.light, bg: '#f0f7ff' } });
    el.client = new MockClient({ theme: second });
    await backgroundIs(el, '#f0f7ff');
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(KindredForumStylesCount(el) + 1);
  });
});

/** The sheets Lit adopts for the element's own styles. */
function KindredForumStylesCount(el: KindredForum): number {
  return (el.constructor as typeof KindredForum).elementStyles.length;
}
