/**
 * A tenant's community settings, kept in `tenants.settings` (jsonb) and read through this one
 * schema so a missing or older value always comes back with its default.
 */
import { z } from 'zod';
import type { TenantTx } from '../../db/tenant-transaction.ts';

export const DEFAULT_MEDICAL_NOTICE =
  'Posts here share personal experience. They are not medical advice: talk to your care team about your own health.';

/** Stories start pre-moderated for every shared audience; a private journal never needs review. */
export const DEFAULT_STORY_PREMODERATION = { public: true, members: true, group: true, care_team: false, only_me: false } as const;

export const DEFAULT_REVIEW_ATTRIBUTES = [
  { key: 'during-chemotherapy', label: 'Used during chemotherapy' },
  { key: 'during-radiotherapy', label: 'Used during radiotherapy' },
  { key: 'after-surgery', label: 'Used after surgery' },
  { key: 'sensitive-skin', label: 'Sensitive skin' },
  { key: 'hair-loss', label: 'Living with hair loss' },
] as const;

/** Generous for people (a clinic's whole waiting room may share one IP), tight enough for scripts. */
export const DEFAULT_RATE_LIMITS = {
  memberReadsPerMinute: 600,
  memberWritesPerMinute: 30,
  ipReadsPerMinute: 3000,
  ipWritesPerMinute: 120,
  tenantReadsPerMinute: 60_000,
  tenantWritesPerMinute: 3000,
} as const;

export const tenantSettingsSchema = z.object({
  /** Show host-verified badges (e.g. "Verified clinician") from member tokens. Off until the tenant says its host verifies them. */
  trustHostBadges: z.boolean().catch(false).default(false),
  /** The "not medical advice" notice shown in the forum; null hides it. */
  medicalNotice: z.string().max(500).nullable().catch(DEFAULT_MEDICAL_NOTICE).default(DEFAULT_MEDICAL_NOTICE),
  /** Per audience: does a new or changed story wait for review before readers see it? */
  storyPremoderation: z
    .object({
      public: z.boolean(),
      members: z.boolean(),
      group: z.boolean(),
      care_team: z.boolean(),
      only_me: z.literal(false),
    })
    .catch(() => ({ ...DEFAULT_STORY_PREMODERATION, only_me: false as const }))
    .default(() => ({ ...DEFAULT_STORY_PREMODERATION, only_me: false as const })),
  /** Readers may comment on stories. */
  storyComments: z.boolean().catch(false).default(false),
  /** The health attributes a reviewer may add (e.g. "Used during chemotherapy"), by key. */
  reviewAttributes: z
    .array(z.object({ key: z.string().regex(/^[a-z0-9-]{1,40}$/), label: z.string().min(1).max(80) }))
    .max(30)
    .catch(() => [...DEFAULT_REVIEW_ATTRIBUTES])
    .default(() => [...DEFAULT_REVIEW_ATTRIBUTES]),
  /** Requests per minute; over a limit the API answers 429 with Retry-After. */
  rateLimits: z
    .object({
      memberReadsPerMinute: z.number().int().min(1).max(1_000_000),
      memberWritesPerMinute: z.number().int().min(1).max(1_000_000),
      ipReadsPerMinute: z.number().int().min(1).max(1_000_000),
      ipWritesPerMinute: z.number().int().min(1).max(1_000_000),
      tenantReadsPerMinute: z.number().int().min(1).max(10_000_000),
      tenantWritesPerMinute: z.number().int().min(1).max(10_000_000),
    })
    .catch(() => ({ ...DEFAULT_RATE_LIMITS }))
    .default(() => ({ ...DEFAULT_RATE_LIMITS })),
  /** Reviews with at least this rating are published at once; null: every review waits for review. */
  reviewAutoPublishMinRating: z.number().int().min(1).max(5).nullable().catch(null).default(null),
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
