/**
 * `staff.auth.*` (sign-in, sessions, invites, second factor) and `staff.team.*` (owners manage
 * who works in the console). Every change is audited.
 */
import { withTenant, type TenantTx } from '../../db/tenant-transaction.ts';
import { KindredError } from '../../errors.ts';
import { consoleProcedure, ownerProcedure, router, staffProcedure } from '../../trpc/trpc.ts';
import type { Context } from '../../trpc/context.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { findTenantBySlug } from '../tenants/tenants.repo.ts';
import * as auth from './staff-auth.service.ts';
import * as repo from './staff.repo.ts';
import {
  acceptInviteInput,
  inviteInfoInput,
  inviteInput,
  revokeInviteInput,
  setRoleInput,
  signInInput,
  signOutInput,
  staffIdInput,
  totpDisableInput,
  totpEnableInput,
  type InviteDto,
  type SessionDto,
  type StaffDto,
} from './staff.schema.ts';

export function toStaffDto(row: repo.StaffAccountRow): StaffDto {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    totpEnabled: row.totp_enabled,
    createdAt: row.created_at.toISOString(),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
  };
}

function toInviteDto(row: { id: string; email: string; role: InviteDto['role']; created_at: Date; expires_at: Date }): InviteDto {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.created_at.toISOString(), expiresAt: row.expires_at.toISOString() };
}

type CookieJar = Pick<Context, 'console' | 'responseCookies'>;

/** The session cookie: HttpOnly, SameSite=Strict, Secure on https, for the whole API origin. */
function setSessionCookie(ctx: CookieJar, value: string): void {
  const secure = ctx.console.secure ? '; Secure' : '';
  ctx.responseCookies.push(`${auth.STAFF_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${secure}`);
}

function clearSessionCookie(ctx: CookieJar): void {
  const secure = ctx.console.secure ? '; Secure' : '';
  ctx.responseCookies.push(`${auth.STAFF_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`);
}

async function sessionDto(tx: TenantTx, account: repo.StaffAccountRow, csrfToken: string): Promise<SessionDto> {
  const tenant = await tx.selectFrom('tenants').select(['id', 'slug', 'name']).executeTakeFirstOrThrow();
  return { staff: toStaffDto(account), tenant, csrfToken, idleTimeoutMinutes: auth.IDLE_TIMEOUT_MINUTES };
}

/** The tenant an invite token belongs to, for a transaction there; unknown tokens are INVITE_INVALID. */
function inviteTenant(token: string) {
  const parsed = auth.parseInviteToken(token);
  if (!parsed) throw new KindredError('INVITE_INVALID');
  return parsed;
}

const authRouter = router({
  signIn: consoleProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const tenant = await findTenantBySlug(ctx.db, input.organisation);
    if (!tenant) {
      // Same answer, and about the same time, as a wrong password.
      await auth.decoyVerify(input.password);
      throw new KindredError('STAFF_CREDENTIALS_INVALID');
    }
    const result = await withTenant(ctx.db, tenant.id, async (tx) => {
      const outcome = await auth.signIn(tx, input);
      if (outcome.ok) {
        await appendAudit(tx, { actorKind: 'staff', actorId: outcome.account.id, action: 'staff.signed_in', ip: ctx.ip ?? null });
        return { ...outcome, dto: await sessionDto(tx, outcome.account, outcome.session.csrfToken) };
      }
      if (outcome.error.kindredCode === 'STAFF_CREDENTIALS_INVALID' || outcome.error.kindredCode === 'STAFF_LOCKED') {
        await appendAudit(tx, { actorKind: 'system', action: 'staff.sign_in_failed', subject: input.email, ip: ctx.ip ?? null });
      }
      return outcome;
    });
    // The failure count is committed; now refuse.
    if (!result.ok) throw result.error;
    setSessionCookie(ctx, result.session.cookieValue);
    return result.dto;
  }),

  session: staffProcedure.query(({ ctx }) => sessionDto(ctx.tx, ctx.staff, ctx.staffSession.csrfToken)),

  signOut: staffProcedure.input(signOutInput).mutation(async ({ ctx, input }) => {
    if (input.everywhere) await repo.deleteSessionsOf(ctx.tx, ctx.staff.id);
    else await repo.deleteSession(ctx.tx, ctx.staffSession.sessionId);
    await appendAudit(ctx.tx, { actorKind: 'staff', actorId: ctx.staff.id, action: input.everywhere ? 'staff.signed_out_everywhere' : 'staff.signed_out', ip: ctx.ip ?? null });
    clearSessionCookie(ctx);
    return { ok: true as const };
  }),

  inviteInfo: consoleProcedure.input(inviteInfoInput).query(async ({ ctx, input }) => {
    const { tenantId, secret } = inviteTenant(input.token);
    return withTenant(ctx.db, tenantId, async (tx) => {
      const invite = await auth.findInvite(tx, secret);
      const tenant = await tx.selectFrom('tenants').select('name').executeTakeFirst();
      if (!tenant) throw new KindredError('INVITE_INVALID');
      return { organisation: tenant.name, email: invite.email, role: invite.role };
    });
  }),

  acceptInvite: consoleProcedure.input(acceptInviteInput).mutation(async ({ ctx, input }) => {
    const { tenantId, secret } = inviteTenant(input.token);
    const { dto, cookieValue } = await withTenant(ctx.db, tenantId, async (tx) => {
      const accepted = await auth.acceptInvite(tx, secret, input);
      await appendAudit(tx, {
        actorKind: 'staff',
        actorId: accepted.account.id,
        action: 'staff.invite_accepted',
        details: { role: accepted.account.role },
        ip: ctx.ip ?? null,
      });
      return { dto: await sessionDto(tx, accepted.account, accepted.session.csrfToken), cookieValue: accepted.session.cookieValue };
    });
    setSessionCookie(ctx, cookieValue);
    return dto;
  }),

  totpSetup: staffProcedure.mutation(({ ctx }) => auth.beginTotpSetup(ctx.tx, ctx.staff)),

  totpEnable: staffProcedure.input(totpEnableInput).mutation(async ({ ctx, input }) => {
    await auth.enableTotp(ctx.tx, ctx.staff, input.code);
    await appendAudit(ctx.tx, { actorKind: 'staff', actorId: ctx.staff.id, action: 'staff.totp_enabled', ip: ctx.ip ?? null });
    return { ok: true as const };
  }),

  totpDisable: staffProcedure.input(totpDisableInput).mutation(async ({ ctx, input }) => {
    await auth.disableTotp(ctx.tx, ctx.staff, input.password);
    await appendAudit(ctx.tx, { actorKind: 'staff', actorId: ctx.staff.id, action: 'staff.totp_disabled', ip: ctx.ip ?? null });
    return { ok: true as const };
  }),
});

const teamRouter = router({
  list: ownerProcedure.query(async ({ ctx }) => {
    const [staff, invites] = await Promise.all([repo.listAccounts(ctx.tx), repo.listOpenInvites(ctx.tx)]);
    return { staff: staff.map(toStaffDto), invites: invites.map(toInviteDto) };
  }),

  invite: ownerProcedure.input(inviteInput).mutation(async ({ ctx, input }) => {
    if (await repo.findAccountByEmail(ctx.tx, input.email)) {
      throw new KindredError('VALIDATION_FAILED', 'Someone with this email already has a console account.');
    }
    const { invite, token } = await auth.createInvite(ctx.tx, { email: input.email, role: input.role, invitedBy: ctx.staff.id });
    await appendAudit(ctx.tx, {
      actorKind: 'staff',
      actorId: ctx.staff.id,
      action: 'staff.invited',
      subject: invite.id,
      details: { role: input.role },
      ip: ctx.ip ?? null,
    });
    const base = ctx.console.selfOrigin ?? '';
    return { invite: toInviteDto(invite), inviteUrl: `${base}/admin/#/invite/${token}` };
  }),

  setRole: ownerProcedure.input(setRoleInput).mutation(async ({ ctx, input }) => {
    const target = await repo.findAccount(ctx.tx, input.staffId);
    if (!target) throw new KindredError('NOT_FOUND', 'There is no such staff member.');
    if (target.role === 'owner' && input.role !== 'owner' && (await repo.countOwners(ctx.tx)) <= 1) {
      throw new KindredError('VALIDATION_FAILED', 'The organisation needs at least one owner.');
    }
    await repo.updateAccount(ctx.tx, input.staffId, { role: input.role });
    await appendAudit(ctx.tx, {
      actorKind: 'staff',
      actorId: ctx.staff.id,
      action: 'staff.role_changed',
      subject: input.staffId,
      details: { from: target.role, to: input.role },
      ip: ctx.ip ?? null,
    });
    return toStaffDto({ ...target, role: input.role });
  }),

  remove: ownerProcedure.input(staffIdInput).mutation(async ({ ctx, input }) => {
    const target = await repo.findAccount(ctx.tx, input.staffId);
    if (!target) throw new KindredError('NOT_FOUND', 'There is no such staff member.');
    if (target.role === 'owner' && (await repo.countOwners(ctx.tx)) <= 1) {
      throw new KindredError('VALIDATION_FAILED', 'The organisation needs at least one owner.');
    }
    await repo.deleteAccount(ctx.tx, input.staffId);
    await appendAudit(ctx.tx, { actorKind: 'staff', actorId: ctx.staff.id, action: 'staff.removed', subject: input.staffId, ip: ctx.ip ?? null });
    return { ok: true as const };
  }),

  revokeInvite: ownerProcedure.input(revokeInviteInput).mutation(async ({ ctx, input }) => {
    if (!(await repo.closeInvite(ctx.tx, input.inviteId, 'revoked'))) throw new KindredError('NOT_FOUND', 'There is no such open invite.');
    await appendAudit(ctx.tx, { actorKind: 'staff', actorId: ctx.staff.id, action: 'staff.invite_revoked', subject: input.inviteId, ip: ctx.ip ?? null });
    return { ok: true as const };
  }),
});

export const staffAccountRouters = { auth: authRouter, team: teamRouter };
