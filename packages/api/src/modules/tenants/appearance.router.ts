/**
 * `appearance.theme`: the tenant's widget theme (colours, font, radius), edited in the admin
 * console. Every widget on a page reads it once and uses it as its defaults; the host page's own
 * `--kindred-*` custom properties still win. Public and cacheable like any guest read.
 */
import { router, tenantProcedure } from '../../trpc/trpc.ts';
import { themeOf } from '../console/theme.ts';
import { getTenantSettings } from './tenant-settings.ts';

export const appearanceRouter = router({
  theme: tenantProcedure.query(async ({ ctx }) => themeOf(await getTenantSettings(ctx.tx))),
});
