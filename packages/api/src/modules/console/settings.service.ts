/**
 * The organisation's settings as the console sees and changes them: community settings, the
 * origin allowlist, key rotation with a grace period, consent text versions. Secrets never
 * leave here except the new ones a rotation shows once.
 */
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { getTenantSettings, updateTenantSettings, type TenantSettings } from '../tenants/tenant-settings.ts';
import * as tenants from '../tenants/tenants.repo.ts';
import { forgetResolutionsFor, hashSecretKey, newSecretKey, newSsoKey } from '../tenants/tenants.service.ts';
import * as repo from './settings.repo.ts';
import { EDITABLE_SETTINGS, type SettingsDto, type SettingsUpdate } from './settings.schema.ts';
import { themeOf } from './theme.ts';

/** How long a rotated-out secret key or SSO key keeps working, so hosts can deploy the new one. */
export const KEY_GRACE_MS = 24 * 60 * 60 * 1000;

/** Who did it, for the audit log. */
export interface StaffActor {
  staffId: string;
  ip: string | null;
}

export async function settingsDto(tx: TenantTx, apiOrigin: string): Promise<SettingsDto> {
  const settings = await getTenantSettings(tx);
  const origins = await tenants.listOrigins(tx);
  const publishableKey = await tenants.findPublishableKey(tx);
  const ssoKeys = await tenants.listSsoKeys(tx);
  const consent = await repo.latestConsentText(tx);
  return {
    origins,
    publishableKey: publishableKey ?? '',
    ssoKeys: ssoKeys.map((k) => ({
      kid: k.kid,
      status: k.verifies ? 'active' : 'retired',
      createdAt: k.created_at.toISOString(),
      retiresAt: k.retired_at?.toISOString() ?? null,
    })),
    moderation: settings.moderation,
    crisisResources: settings.crisisResources,
    consentText: consent ? { version: consent.version, text: consent.body, publishedAt: consent.created_at.toISOString() } : null,
    reviewAttributes: settings.reviewAttributes,
    reviewAutoPublishMinRating: settings.reviewAutoPublishMinRating,
    storyPremoderation: settings.storyPremoderation,
    medicalNotice: settings.medicalNotice,
    storyComments: settings.storyComments,
    trustHostBadges: settings.trustHostBadges,
    theme: themeOf(settings),
    apiOrigin,
  };
}

/**
 * Saves the given settings. Only the names of the settings that changed are audited, never
 * their values (word lists and notices are the organisation's words).
 */
export async function updateSettings(tx: TenantTx, actor: StaffActor, update: SettingsUpdate): Promise<string[]> {
  const current = await getTenantSettings(tx);
  const changes: Partial<TenantSettings> = {};
  const changed: string[] = [];
  for (const name of EDITABLE_SETTINGS) {
    const value = update[name];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(current[name])) continue;
    (changes as Record<string, unknown>)[name] = value;
    changed.push(name);
  }
  if (changed.length === 0) return changed;
  await updateTenantSettings(tx, changes);
  await appendAudit(tx, { actorKind: 'staff', actorId: actor.staffId, action: 'settings.updated', details: { changed }, ip: actor.ip });
  return changed;
}

export async function addOrigin(tx: TenantTx, actor: StaffActor, origin: string): Promise<void> {
  if (await tenants.insertOrigin(tx, origin)) {
    await appendAudit(tx, { actorKind: 'staff', actorId: actor.staffId, action: 'origin.added', subject: origin, ip: actor.ip });
  }
}

export async function removeOrigin(tx: TenantTx, actor: StaffActor, origin: string): Promise<void> {
  if (!(await tenants.deleteOrigin(tx, origin))) throw new KindredError('NOT_FOUND', 'That origin is not on the list.');
  forgetResolutionsFor(origin);
  await appendAudit(tx, { actorKind: 'staff', actorId: actor.staffId, action: 'origin.removed', subject: origin, ip: actor.ip });
}

/** A new secret key, shown once; the previous one keeps working for KEY_GRACE_MS, then stops. */
export async function rotateSecretKey(tx: TenantTx, actor: StaffActor): Promise<{ secretKey: string }> {
  const secretKey = newSecretKey();
  const previousUntil = new Date(Date.now() + KEY_GRACE_MS);
  const scheduled = await tenants.scheduleSecretKeysRevocation(tx, previousUntil);
  await tenants.insertSecretKeyHash(tx, hashSecretKey(secretKey));
  await appendAudit(tx, {
    actorKind: 'staff',
    actorId: actor.staffId,
    action: 'secret_key.rotated',
    details: { previousKeys: scheduled, previousWorkUntil: previousUntil.toISOString() },
    ip: actor.ip,
  });
  return { secretKey };
}

/** A new SSO signing key, shown once; the previous keys keep verifying for KEY_GRACE_MS, then are retired. */
export async function rotateSsoSecret(tx: TenantTx, actor: StaffActor): Promise<{ kid: string; secret: string }> {
  const key = newSsoKey();
  const previousUntil = new Date(Date.now() + KEY_GRACE_MS);
  await tenants.insertSsoKey(tx, key);
  const retiring = await tenants.scheduleSsoKeysRetirement(tx, key.kid, previousUntil);
  await appendAudit(tx, {
    actorKind: 'staff',
    actorId: actor.staffId,
    action: 'sso.rotated',
    subject: key.kid,
    details: { retiring, retiresAt: previousUntil.toISOString() },
    ip: actor.ip,
  });
  return { kid: key.kid, secret: key.secret };
}

/** A new consent text version; stories keep the version their authors agreed to. */
export async function publishConsentText(tx: TenantTx, actor: StaffActor, text: string): Promise<{ version: number }> {
  const version = await repo.insertConsentText(tx, text);
  await appendAudit(tx, { actorKind: 'staff', actorId: actor.staffId, action: 'consent_text.published', subject: String(version), details: { version }, ip: actor.ip });
  return { version };
}
