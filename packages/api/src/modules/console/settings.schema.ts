/** Inputs and DTOs of `staff.settings.*`: the organisation's settings, keys and origins in the console. */
import { z } from 'zod';
import { KindredError } from '../../errors.ts';
import { tenantSettingsSchema, type TenantSettings } from '../tenants/tenant-settings.ts';
import { normaliseOrigin } from '../tenants/tenants.service.ts';
import type { ThemeDto } from './theme.ts';

const stored = tenantSettingsSchema.shape;

/**
 * The settings the console may change, each with the stored-settings schema's own rules but
 * without its fallbacks: a bad value is refused (VALIDATION_FAILED with issues), never quietly
 * replaced by the default as it is when reading what is stored.
 */
export const editableSettingsSchemas = {
  moderation: stored.moderation.unwrap().unwrap(),
  crisisResources: stored.crisisResources.unwrap().unwrap(),
  reviewAttributes: stored.reviewAttributes
    .unwrap()
    .unwrap()
    .refine((attributes) => new Set(attributes.map((a) => a.key)).size === attributes.length, 'Each attribute needs its own key.'),
  reviewAutoPublishMinRating: stored.reviewAutoPublishMinRating.unwrap().unwrap(),
  storyPremoderation: stored.storyPremoderation.unwrap().unwrap(),
  medicalNotice: stored.medicalNotice.unwrap().unwrap(),
  storyComments: stored.storyComments.unwrap().unwrap(),
  trustHostBadges: stored.trustHostBadges.unwrap().unwrap(),
  theme: stored.theme.unwrap().unwrap(),
};

export type EditableSetting = keyof typeof editableSettingsSchemas;
export const EDITABLE_SETTINGS = Object.keys(editableSettingsSchemas) as EditableSetting[];

/** Any of the editable settings, each given whole; any other key is refused. */
export const updateSettingsInput = z.strictObject(editableSettingsSchemas).partial();
export type SettingsUpdate = z.infer<typeof updateSettingsInput>;

/** An exact origin (scheme, host, optional port); `https://clinic.example/` is read as `https://clinic.example`. */
const origin = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .transform((value, ctx) => {
    try {
      return normaliseOrigin(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof KindredError ? err.message : 'This is not an origin such as https://clinic.example' });
      return z.NEVER;
    }
  });

export const originInput = z.object({ origin });
export const consentTextInput = z.object({ text: z.string().trim().min(20, 'Use at least 20 characters.').max(20_000, 'Use at most 20,000 characters.') });

export interface SsoKeyDto {
  kid: string;
  /** `active` while it still verifies member tokens (including a rotation's grace period). */
  status: 'active' | 'retired';
  createdAt: string;
  /** When an active key stops verifying (end of its grace period), or when a retired one did; null: no end set. */
  retiresAt: string | null;
}

export interface SettingsDto {
  origins: string[];
  publishableKey: string;
  ssoKeys: SsoKeyDto[];
  moderation: TenantSettings['moderation'];
  crisisResources: TenantSettings['crisisResources'];
  consentText: { version: number; text: string; publishedAt: string } | null;
  reviewAttributes: TenantSettings['reviewAttributes'];
  reviewAutoPublishMinRating: TenantSettings['reviewAutoPublishMinRating'];
  storyPremoderation: TenantSettings['storyPremoderation'];
  medicalNotice: TenantSettings['medicalNotice'];
  storyComments: boolean;
  trustHostBadges: boolean;
  theme: ThemeDto;
  /** Where this API is served (the console's own origin), for embed snippets. */
  apiOrigin: string;
}
