/**
 * Staff sign-in for the admin console: argon2id passwords, lock-out after repeated failures,
 * optional TOTP second factor, invite links, and sessions (an opaque cookie whose hash is
 * stored, with a per-session CSRF token, an idle timeout and an absolute lifetime).
 *
 * The session cookie is `<tenant id>.<secret>`: the tenant id lets every lookup run inside that
 * tenant's row-level-security transaction; the secret is 256 random bits, stored only as a hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';
import type { StaffRole } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import * as repo from './staff.repo.ts';

export const STAFF_COOKIE = 'kindred_staff';
/** A session ends after this long without a request. */
export const IDLE_TIMEOUT_MINUTES = 30;
/** And after this long in any case. */
const SESSION_LIFETIME_HOURS = 12;
const MAX_FAILED_SIGN_INS = 5;
const LOCK_MINUTES = 15;
const INVITE_DAYS = 7;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_AFTER_MS = 60_000;

export const PASSWORD_MIN_LENGTH = 12;

/** A hash to verify against when the email is unknown, so timing does not reveal which emails exist. */
let decoyHash: Promise<string> | undefined;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to argon2id with OWASP's recommended memory and time costs.
  return argon2Hash(password);
}

function totpFor(secret: string): TOTP {
  return new TOTP({ issuer: 'Kindred', secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

function totpValid(secret: string, code: string): boolean {
  return totpFor(secret).validate({ token: code.replace(/\s/g, ''), window: 1 }) !== null;
}

/** Spends the time of a real password check, for unknown organisations and emails. */
export async function decoyVerify(password: string): Promise<void> {
  await argon2Verify(await (decoyHash ??= hashPassword(randomToken())), password);
}

export interface StaffSessionCookie {
  tenantId: string;
  secret: string;
}

/** Parses `<uuid>.<secret>`; anything else is no session. */
export function parseSessionCookie(value: string | undefined): StaffSessionCookie | undefined {
  const match = value ? /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  return match ? { tenantId: match[1]!, secret: match[2]! } : undefined;
}

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
}

export async function createSession(tx: TenantTx, staffId: string): Promise<NewSession> {
  const secret = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_HOURS * 3600_000);
  await repo.insertSession(tx, { staffId, tokenHash: sha256(secret), csrfToken, expiresAt });
  return { cookieValue: `${tx.tenantId}.${secret}`, csrfToken };
}

export interface ActiveSession {
  sessionId: string;
  csrfToken: string;
  account: repo.StaffAccountRow;
}

/** The live session behind a cookie, or undefined when unknown, idle too long or expired. */
export async function resolveSession(tx: TenantTx, secret: string): Promise<ActiveSession | undefined> {
  const session = await repo.findSession(tx, sha256(secret));
  if (!session) return undefined;
  const now = Date.now();
  if (session.expires_at.getTime() <= now || now - session.last_seen_at.getTime() > IDLE_TIMEOUT_MINUTES * 60_000) return undefined;
  const account = await repo.findAccount(tx, session.staff_id);
  if (!account) return undefined;
  if (now - session.last_seen_at.getTime() > TOUCH_AFTER_MS) await repo.touchSession(tx, session.id);
  return { sessionId: session.id, csrfToken: session.csrf_token, account };
}

export type SignInResult =
  | { ok: true; account: repo.StaffAccountRow; session: NewSession }
  | { ok: false; error: KindredError };

/**
 * Checks the credentials. Failures are returned rather than thrown, so the caller can commit the
 * failure count before refusing (a thrown error would roll it back).
 */
export async function signIn(
  tx: TenantTx,
  credentials: { email: string; password: string; totpCode?: string | undefined },
): Promise<SignInResult> {
  const invalid = { ok: false as const, error: new KindredError('STAFF_CREDENTIALS_INVALID') };
  const account = await repo.findAccountByEmail(tx, credentials.email.toLowerCase());
  if (!account) {
    await decoyVerify(credentials.password);
    return invalid;
  }
  if (account.locked_until && account.locked_until.getTime() > Date.now()) {
    const retryAfterSeconds = Math.ceil((account.locked_until.getTime() - Date.now()) / 1000);
    return { ok: false, error: new KindredError('STAFF_LOCKED', undefined, { retryAfterSeconds, details: { retryAfterSeconds } }) };
  }
  const passwordOk = await argon2Verify(account.password_hash, credentials.password);
  if (passwordOk && account.totp_enabled && !credentials.totpCode) {
    return { ok: false, error: new KindredError('STAFF_TOTP_REQUIRED') };
  }
  const totpOk = !account.totp_enabled || (credentials.totpCode !== undefined && totpValid(account.totp_secret ?? '', credentials.totpCode));
  if (!passwordOk || !totpOk) {
    const failures = await repo.recordFailedSignIn(tx, account.id);
    if (failures >= MAX_FAILED_SIGN_INS) {
      await repo.updateAccount(tx, account.id, { failed_sign_ins: 0, locked_until: new Date(Date.now() + LOCK_MINUTES * 60_000) });
    }
    return invalid;
  }
  await repo.updateAccount(tx, account.id, { failed_sign_ins: 0, locked_until: null, last_sign_in_at: new Date() });
  return { ok: true, account, session: await createSession(tx, account.id) };
}

/** Starts TOTP set-up: a new secret, not yet required until confirmed with a code. */
export async function beginTotpSetup(tx: TenantTx, account: repo.StaffAccountRow): Promise<{ secret: string; otpauthUri: string }> {
  const secret = new Secret({ size: 20 }).base32;
  await repo.updateAccount(tx, account.id, { totp_secret: secret, totp_enabled: false });
  const totp = totpFor(secret);
  totp.label = account.email;
  return { secret, otpauthUri: totp.toString() };
}

export async function enableTotp(tx: TenantTx, account: repo.StaffAccountRow, code: string): Promise<void> {
  const fresh = await repo.findAccount(tx, account.id);
  if (!fresh?.totp_secret || !totpValid(fresh.totp_secret, code)) {
    throw new KindredError('VALIDATION_FAILED', 'That code is not right. Check the time on your phone and try the newest code.');
  }
  await repo.updateAccount(tx, account.id, { totp_enabled: true });
}

export async function disableTotp(tx: TenantTx, account: repo.StaffAccountRow, password: string): Promise<void> {
  if (!(await argon2Verify(account.password_hash, password))) throw new KindredError('STAFF_CREDENTIALS_INVALID');
  await repo.updateAccount(tx, account.id, { totp_enabled: false, totp_secret: null });
}

/** An invite link's token: `<tenant id>.<secret>`, like the session cookie. */
export function parseInviteToken(token: string): StaffSessionCookie | undefined {
  return parseSessionCookie(token);
}

export async function createInvite(tx: TenantTx, invite: { email: string; role: StaffRole; invitedBy: string | null }) {
  const secret = randomToken();
  const row = await repo.insertInvite(tx, {
    email: invite.email.toLowerCase(),
    role: invite.role,
    tokenHash: sha256(secret),
    invitedBy: invite.invitedBy,
    expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
  });
  return { invite: row, token: `${tx.tenantId}.${secret}` };
}

export async function findInvite(tx: TenantTx, secret: string) {
  const invite = await repo.findOpenInvite(tx, sha256(secret));
  if (!invite) throw new KindredError('INVITE_INVALID');
  return invite;
}

/** Accepts an invite: creates the account and signs it in. */
export async function acceptInvite(
  tx: TenantTx,
  secret: string,
  account: { displayName: string; password: string },
): Promise<{ account: repo.StaffAccountRow; session: NewSession }> {
  const invite = await findInvite(tx, secret);
  const id = await repo.insertAccount(tx, {
    email: invite.email,
    displayName: account.displayName,
    role: invite.role,
    passwordHash: await hashPassword(account.password),
  });
  if (!id) throw new KindredError('INVITE_INVALID', 'There is already a console account for this email. Sign in instead.');
  await repo.closeInvite(tx, invite.id, 'accepted');
  await repo.updateAccount(tx, id, { last_sign_in_at: new Date() });
  const created = await repo.findAccount(tx, id);
  if (!created) throw new Error(`staff account ${id} vanished inside its own transaction`);
  return { account: created, session: await createSession(tx, id) };
}

/** Creates an account directly (operator CLI, demo seed). Returns undefined if the email is taken. */
export async function createAccount(
  tx: TenantTx,
  account: { email: string; displayName: string; role: StaffRole; password: string },
): Promise<string | undefined> {
  return repo.insertAccount(tx, {
    email: account.email.toLowerCase(),
    displayName: account.displayName,
    role: account.role,
    passwordHash: await hashPassword(account.password),
  });
}
