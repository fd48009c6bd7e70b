/**
 * A tenant's community settings, kept in `tenants.settings` (jsonb) and read through this one
 * schema so a missing or older value always comes back with its default.
 */
import { z } from 'zod';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { defaultTheme, themeSchema } from '../console/theme.ts';

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

/** Every kind of user content the moderation pipeline sees (and the queue lists). */
export const CONTENT_KINDS = ['thread', 'post', 'story', 'story_comment', 'review', 'question', 'answer'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/**
 * Shown to an author whose words suggest they may be at risk. A tenant sets the lines for its
 * own region; these defaults cover the US, the UK and Ireland, Spain, and a finder for the rest.
 */
export const DEFAULT_CRISIS_RESOURCES = [
  {
    name: '988 Suicide & Crisis Lifeline',
    description: 'Free, confidential support, any time, by call or text (United States).',
    phone: '988',
    text: '988',
    url: 'https://988lifeline.org',
  },
  {
    name: 'Samaritans',
    description: 'Someone to talk to, day or night, for free (UK and Ireland).',
    phone: '116 123',
    text: null,
    url: 'https://www.samaritans.org',
  },
  {
    name: 'Línea 024',
    description: 'Atención a la conducta suicida, gratuita y confidencial, 24 horas (España).',
    phone: '024',
    text: null,
    url: null,
  },
  {
    name: 'Find a Helpline',
    description: 'Free, confidential helplines in your country.',
    phone: null,
    text: null,
    url: 'https://findahelpline.com',
  },
] as const;

const listedWord = z.string().trim().min(1).max(60);

export const crisisResourceSchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(300),
  phone: z.string().trim().regex(/^[+\d][\d ()-]{0,24}$/, 'Use digits, spaces, brackets and dashes.').nullable(),
  text: z.string().trim().min(1).max(80).nullable(),
  url: z.url({ protocol: /^https$/ }).max(300).nullable(),
});

export const moderationPolicySchema = z.object({
  /** Hold every item of this kind for review (stories also follow `storyPremoderation` per audience). */
  premoderation: z.object(Object.fromEntries(CONTENT_KINDS.map((kind) => [kind, z.boolean()])) as Record<ContentKind, z.ZodBoolean>),
  /** Refused outright (whole words, not fooled by case, accents or letter swaps). */
  bannedWords: z.array(listedWord).max(500),
  /** Held for review. */
  watchedWords: z.array(listedWord).max(500),
  /** Extra crisis phrases in the tenant's own words, on top of Kindred's English and Spanish ones. */
  crisisPhrases: z.array(z.string().trim().min(3).max(120)).max(200),
  /** A member's first N items wait for review (0: off). */
  newMemberThreshold: z.number().int().min(0).max(50),
  /** Distinct members reporting an item hide it until a moderator looks (1 to 50). */
  reportThreshold: z.number().int().min(1).max(50),
  /** Links: allowed, held from new members, or always held. */
  linkPolicy: z.enum(['allow', 'hold_new_members', 'hold_all']),
  /** Items one member may write per minute before being asked to slow down (flood detection). */
  floodPerMinute: z.number().int().min(1).max(1000).default(10),
  /**
   * Guests (not signed in) may start conversations and reply in the general forum under a name
   * they choose; everything they post waits for review. Off unless the organisation turns it on.
   */
  guestPosting: z.boolean().default(false),
});

export type ModerationPolicy = z.infer<typeof moderationPolicySchema>;

export const DEFAULT_MODERATION_POLICY: ModerationPolicy = {
  premoderation: Object.fromEntries(CONTENT_KINDS.map((kind) => [kind, false])) as Record<ContentKind, boolean>,
  bannedWords: [],
  watchedWords: [],
  crisisPhrases: [],
  newMemberThreshold: 0,
  reportThreshold: 3,
  linkPolicy: 'hold_new_members',
  floodPerMinute: 10,
  guestPosting: false,
};

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
  /** The moderation pipeline's per-tenant rules. */
  moderation: moderationPolicySchema.catch(() => structuredClone(DEFAULT_MODERATION_POLICY)).default(() => structuredClone(DEFAULT_MODERATION_POLICY)),
  /** Shown at once to an author whose post suggests they may be at risk. */
  crisisResources: z
    .array(crisisResourceSchema)
    .max(10)
    .catch(() => DEFAULT_CRISIS_RESOURCES.map((r) => ({ ...r })))
    .default(() => DEFAULT_CRISIS_RESOURCES.map((r) => ({ ...r }))),
  /** The widgets' colours, font and radius (console/theme.ts); the host page can still override them. */
  theme: themeSchema.catch(defaultTheme).default(defaultTheme),
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
