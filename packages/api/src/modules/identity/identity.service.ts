/**
 * Member sign-in. The host's backend signs a short-lived JWT (HS256) with the tenant's SSO
 * secret; this verifies it and creates or refreshes the member. A token describes a member of
 * the host site and nothing more: it can never grant staff rights.
 */
import { createHash } from 'node:crypto';
import { errors as joseErrors, jwtVerify, type JWTHeaderParameters } from 'jose';
import { z } from 'zod';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { findActiveSsoKey } from '../tenants/tenants.repo.ts';
import { findListed } from '../moderation/word-lists.ts';
import { getTenantSettings } from '../tenants/tenant-settings.ts';
import { upsertMember } from './identity.repo.ts';

/** Shown instead of a profile name that uses a banned word. */
const FALLBACK_NAME = 'Member';

/** The only signing algorithm accepted; `alg: none` and asymmetric confusion are refused. */
export const MEMBER_TOKEN_ALGORITHM = 'HS256';
/** Clock skew tolerated between the host's server and ours. */
const CLOCK_TOLERANCE_SECONDS = 5;

export const HOST_BADGES = ['clinician'] as const;
export type HostBadge = (typeof HOST_BADGES)[number];

const memberClaims = z.object({
  sub: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(80),
  avatar: z.url({ protocol: /^https?$/ }).max(500).optional(),
  /**
   * Badges the host has verified, e.g. `clinician`, shown only where the tenant trusts them.
   * Unknown names are dropped: a token cannot invent a badge, let alone a staff role.
   */
  badges: z
    .array(z.string().max(40))
    .max(10)
    .optional()
    .transform((badges) => (badges ?? []).filter((b): b is HostBadge => (HOST_BADGES as readonly string[]).includes(b))),
  /**
   * SKUs the host says this member bought (a signed purchase claim). Used only to mark a review
   * "verified buyer"; never stored or shown.
   */
  purchases: z.array(z.string().max(100)).max(500).optional(),
});

export interface SignedInMember {
  id: string;
  displayName: string;
  badges: string[];
  /** Muted by staff: may read, may not write (null end: until lifted). */
  mutedUntil?: Date | 'indefinitely' | undefined;
  /** From this request's token only. */
  purchases: ReadonlySet<string>;
}

async function verifyMemberToken(tx: TenantTx, token: string): Promise<z.infer<typeof memberClaims>> {
  if (token.length > 4096) throw new KindredError('TOKEN_INVALID');
  const keyFor = async (header: JWTHeaderParameters) => {
    if (typeof header.kid !== 'string' || header.kid.length > 100) throw new KindredError('TOKEN_INVALID', 'The token has no key id.');
    const key = await findActiveSsoKey(tx, header.kid);
    if (!key) throw new KindredError('TOKEN_INVALID', 'The token was signed with an unknown or retired key.');
    return new TextEncoder().encode(key.secret);
  };
  try {
    const { payload } = await jwtVerify(token, keyFor, {
      algorithms: [MEMBER_TOKEN_ALGORITHM],
      audience: tx.tenantId,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const claims = memberClaims.safeParse(payload);
    if (!claims.success) throw new KindredError('TOKEN_INVALID', 'The token is missing the member name or has malformed claims.');
    return claims.data;
  } catch (err) {
    if (err instanceof KindredError) throw err;
    if (err instanceof joseErrors.JWTExpired) throw new KindredError('TOKEN_EXPIRED');
    throw new KindredError('TOKEN_INVALID');
  }
}

/**
 * A guest posting where the tenant allows it: a member row of its own, named as they chose
 * (marked "(guest)"), keyed by the write's idempotency key so a retried write is the same guest.
 * Guests never sign in: they cannot edit, delete or see their post again.
 */
export async function guestAuthor(tx: TenantTx, name: string, idempotencyKey: string): Promise<SignedInMember> {
  const { moderation } = await getTenantSettings(tx);
  const chosen = findListed(name, moderation.bannedWords).length ? 'Guest' : name;
  const profile = { externalId: `guest:${createHash('sha256').update(idempotencyKey).digest('hex')}`, displayName: `${chosen} (guest)`, avatarUrl: null, badges: [] };
  const member = await upsertMember(tx, profile);
  return { id: member.id, displayName: profile.displayName, badges: [], purchases: new Set() };
}

/** Verifies the token and returns the member it signs in, creating the member on first use. */
export async function signIn(tx: TenantTx, token: string, bannedWords: readonly string[]): Promise<SignedInMember> {
  const claims = await verifyMemberToken(tx, token);
  const profile = {
    externalId: claims.sub,
    displayName: claims.name,
    avatarUrl: claims.avatar ?? null,
    badges: claims.badges,
  };
  // A profile name is user content too: one with a banned word is not shown.
  if (findListed(profile.displayName, bannedWords).length) profile.displayName = FALLBACK_NAME;
  const member = await upsertMember(tx, profile);
  if (member.created) await appendAudit(tx, { actorKind: 'member', actorId: member.id, action: 'member.joined', subject: member.id });
  const sanctionActive = member.sanction !== null && (member.sanction_until === null || member.sanction_until.getTime() > Date.now());
  if (sanctionActive && member.sanction === 'ban') throw new KindredError('MEMBER_BANNED');
  return {
    id: member.id,
    displayName: profile.displayName,
    badges: profile.badges,
    mutedUntil: sanctionActive ? (member.sanction_until ?? 'indefinitely') : undefined,
    purchases: new Set(claims.purchases ?? []),
  };
}
