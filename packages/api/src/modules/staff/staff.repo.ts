/** Staff accounts, their sessions and invites: SQL only, always inside the tenant's transaction. */
import type { StaffRole } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant-transaction.ts';

const ACCOUNT_COLUMNS = [
  'id',
  'email',
  'display_name',
  'role',
  'password_hash',
  'totp_secret',
  'totp_enabled',
  'failed_sign_ins',
  'locked_until',
  'created_at',
  'last_sign_in_at',
] as const;

export async function findAccountByEmail(tx: TenantTx, email: string) {
  return tx.selectFrom('staff_accounts').select(ACCOUNT_COLUMNS).where('email', '=', email).executeTakeFirst();
}

export async function findAccount(tx: TenantTx, id: string) {
  return tx.selectFrom('staff_accounts').select(ACCOUNT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type StaffAccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export async function listAccounts(tx: TenantTx) {
  return tx.selectFrom('staff_accounts').select(ACCOUNT_COLUMNS).orderBy('created_at').orderBy('id').execute();
}

export async function countOwners(tx: TenantTx): Promise<number> {
  const row = await tx.selectFrom('staff_accounts').select((eb) => eb.fn.countAll<string>().as('n')).where('role', '=', 'owner').executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAccount(
  tx: TenantTx,
  account: { email: string; displayName: string; role: StaffRole; passwordHash: string },
): Promise<string | undefined> {
  const row = await tx
    .insertInto('staff_accounts')
    .values({ tenant_id: tx.tenantId, email: account.email, display_name: account.displayName, role: account.role, password_hash: account.passwordHash })
    .onConflict((oc) => oc.columns(['tenant_id', 'email']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updateAccount(
  tx: TenantTx,
  id: string,
  changes: Partial<{
    role: StaffRole;
    password_hash: string;
    totp_secret: string | null;
    totp_enabled: boolean;
    failed_sign_ins: number;
    locked_until: Date | null;
    last_sign_in_at: Date;
  }>,
): Promise<boolean> {
  const result = await tx.updateTable('staff_accounts').set(changes).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Counts a failed sign-in; returns the new count. */
export async function recordFailedSignIn(tx: TenantTx, id: string): Promise<number> {
  const row = await tx
    .updateTable('staff_accounts')
    .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_sign_ins')
    .executeTakeFirstOrThrow();
  return row.failed_sign_ins;
}

export async function deleteAccount(tx: TenantTx, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('staff_accounts').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function insertSession(tx: TenantTx, session: { staffId: string; tokenHash: string; csrfToken: string; expiresAt: Date }) {
  await tx
    .insertInto('staff_sessions')
    .values({ tenant_id: tx.tenantId, staff_id: session.staffId, token_hash: session.tokenHash, csrf_token: session.csrfToken, expires_at: session.expiresAt })
    .execute();
}

export async function findSession(tx: TenantTx, tokenHash: string) {
  return tx
    .selectFrom('staff_sessions')
    .select(['id', 'staff_id', 'csrf_token', 'last_seen_at', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(tx: TenantTx, id: string): Promise<void> {
  await tx.updateTable('staff_sessions').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
}

export async function deleteSession(tx: TenantTx, id: string): Promise<void> {
  await tx.deleteFrom('staff_sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOf(tx: TenantTx, staffId: string): Promise<number> {
  const result = await tx.deleteFrom('staff_sessions').where('staff_id', '=', staffId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertInvite(tx: TenantTx, invite: { email: string; role: StaffRole; tokenHash: string; invitedBy: string | null; expiresAt: Date }) {
  return tx
    .insertInto('staff_invites')
    .values({ tenant_id: tx.tenantId, email: invite.email, role: invite.role, token_hash: invite.tokenHash, invited_by: invite.invitedBy, expires_at: invite.expiresAt })
    .returning(['id', 'email', 'role', 'created_at', 'expires_at'])
    .executeTakeFirstOrThrow();
}

/** An invite that can still be accepted. */
export async function findOpenInvite(tx: TenantTx, tokenHash: string) {
  return tx
    .selectFrom('staff_invites')
    .select(['id', 'email', 'role', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function listOpenInvites(tx: TenantTx) {
  return tx
    .selectFrom('staff_invites')
    .select(['id', 'email', 'role', 'created_at', 'expires_at'])
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .execute();
}

export async function closeInvite(tx: TenantTx, id: string, how: 'accepted' | 'revoked'): Promise<boolean> {
  const result = await tx
    .updateTable('staff_invites')
    .set(how === 'accepted' ? { accepted_at: new Date() } : { revoked_at: new Date() })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
