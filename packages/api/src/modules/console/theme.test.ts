import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-transaction.ts';
import { testDatabase } from '../../testing/database.ts';
import { expectKindredError } from '../../testing/expect-error.ts';
import { createTestTenant } from '../../testing/fixtures.ts';
import { signedInStaff } from '../../testing/staff.ts';
import { getTenantSettings } from '../tenants/tenant-settings.ts';
import { DEFAULT_DARK_PALETTE, DEFAULT_FONT_FAMILY, DEFAULT_LIGHT_PALETTE, DEFAULT_RADIUS, defaultTheme, themeOf, themeSchema } from './theme.ts';

/** The widgets' own defaults, read from their source (the API never imports widget code). */
function widgetDefaults() {
  const source = readFileSync(path.resolve(import.meta.dirname, '../../../../widgets/src/core/theme.ts'), 'utf8');
  const palette = (name: string) => {
    const body = new RegExp(`const ${name}: Palette = \\{([^}]*)\\}`).exec(source)?.[1] ?? '';
    return Object.fromEntries([...body.matchAll(/'?([\w-]+)'?: '(#[0-9a-f]{6})'/g)].map((m) => [m[1], m[2]]));
  };
  return {
    light: palette('light'),
    dark: palette('dark'),
    fontFamily: /--kindred-font-family, ([^)]*)\)/.exec(source)?.[1],
    radius: /--kindred-radius, ([^)]*)\)/.exec(source)?.[1],
  };
}

// Boot and migrate the test database in a hook (generous timeout) rather than inside the first test.
beforeAll(() => testDatabase(), 120_000);

describe('the tenant theme', () => {
  it('defaults to exactly the widgets’ defaults', () => {
    const widgets = widgetDefaults();
    expect(Object.keys(widgets.light)).toHaveLength(10);
    expect(DEFAULT_LIGHT_PALETTE).toEqual(widgets.light);
    expect(DEFAULT_DARK_PALETTE).toEqual(widgets.dark);
    expect(DEFAULT_FONT_FAMILY).toBe(widgets.fontFamily);
    expect(DEFAULT_RADIUS).toBe(widgets.radius);
    expect(themeSchema.parse(defaultTheme())).toEqual(defaultTheme());
  });

  it('lets no value out of its CSS declaration', () => {
    const escapes = ['red;}body{x', 'url(javascript:alert(1))', 'expression(alert(1))', '#fff;', '#ffffff}', '</style>', 'a\\3b b', 'x:y', 'a/*b*/', 'a\nb', '"a\'', "'a\"", '"a" "b"', 'a{', 'a!important'];
    for (const value of escapes) {
      const base = defaultTheme();
      expect(themeSchema.safeParse({ ...base, fontFamily: value }).success, `fontFamily ${JSON.stringify(value)}`).toBe(false);
      expect(themeSchema.safeParse({ ...base, radius: value }).success, `radius ${JSON.stringify(value)}`).toBe(false);
      expect(themeSchema.safeParse({ ...base, light: { ...base.light, bg: value } }).success, `colour ${JSON.stringify(value)}`).toBe(false);
    }
    for (const radius of ['-1px', '3.01rem', '48.5px', '1em', '10%', '1 px', '0.0001rem', '100px']) {
      expect(themeSchema.safeParse({ ...defaultTheme(), radius }).success, radius).toBe(false);
    }
  });

  it('is what themeOf gives the widgets, and a damaged stored theme reads as the default', async () => {
    expect(themeOf({})).toEqual(defaultTheme());
    const dark = { ...defaultTheme(), colorScheme: 'dark' as const };
    expect(themeOf({ theme: dark })).toEqual(dark);
    expect(themeOf({ theme: { ...dark, radius: '1px;}' } })).toEqual(defaultTheme());

    const tenant = await createTestTenant('theme');
    await tenant.db.updateTable('tenants').set({ settings: JSON.stringify({ theme: { ...dark, fontFamily: 'x;}' }, storyComments: true }) }).where('id', '=', tenant.tenant.id).execute();
    const settings = await withTenant(tenant.db, tenant.tenant.id, (tx) => getTenantSettings(tx));
    expect(settings.theme).toEqual(defaultTheme());
    expect(settings.storyComments).toBe(true);
    expect(themeOf(settings)).toEqual(defaultTheme());
  });
});

describe('appearance.theme', () => {
  it('gives each tenant’s widgets that tenant’s theme, edited in its console, and nobody else’s', async () => {
    const a = await createTestTenant('theme-a');
    const b = await createTestTenant('theme-b');
    const owner = await signedInStaff(a);
    const theme = { ...defaultTheme(), colorScheme: 'dark' as const, light: { ...defaultTheme().light, accent: '#7a1f5c' } };
    await owner.caller.staff.settings.update({ theme });
    expect(await (await a.caller()).appearance.theme()).toEqual(theme);
    expect(await (await b.caller()).appearance.theme()).toEqual(defaultTheme());
    // B's key on A's origin is refused, as for every widget read.
    await expectKindredError((await b.caller({ origin: a.origin })).appearance.theme(), 'ORIGIN_NOT_ALLOWED');
  });
});
