/**
 * A tenant's community settings, kept in `tenants.settings` (jsonb) and read through this one
 * schema so a missing or older value always comes back with its default.
 */
import { z } from 'zod';
import type { TenantTx } from '../../db/tenant-transaction.ts';

export const DEFAULT_MEDICAL_NOTICE =
  'Posts here share personal experience. They are not medical advice: talk to your care team about your own health.';

export const tenantSettingsSchema = z.object({
  /** Show host-verified badges (e.g. "Verified clinician") from member tokens. Off until the tenant says its host verifies them. */
  trustHostBadges: z.boolean().catch(false).default(false),
  /** The "not medical advice" notice shown in the forum; null hides it. */
  medicalNotice: z.string().max(500).nullable().catch(DEFAULT_MEDICAL_NOTICE).default(DEFAULT_MEDICAL_NOTICE),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export async function getTenantSettings(tx: TenantTx): Promise<TenantSettings> {
  const row = await tx.selectFrom('tenants').select('settings').executeTakeFirst();
  return tenantSettingsSchema.parse(row?.settings ?? {});
}

export async function updateTenantSettings(tx: TenantTx, changes: Partial<TenantSettings>): Promise<TenantSettings> {
  const next = tenantSettingsSchema.parse({ ...(await getTenantSettings(tx)), ...changes });
  await tx.updateTable('tenants').set({ settings: JSON.stringify(next) }).execute();
  return next;
}
