/** Staff (admin console) test helpers: accounts, and callers carrying a session cookie and CSRF token. */
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { createAccount, STAFF_COOKIE } from '../modules/staff/staff-auth.service.ts';
import { createCaller } from '../router.ts';
import { createContextInner } from '../trpc/context.ts';
import { testLog } from './database.ts';
import type { TestTenant } from './fixtures.ts';

export const CONSOLE_ORIGIN = 'https://kindred.example';
export const STAFF_PASSWORD = 'correct horse battery staple';

export interface ConsoleRequest {
  /** The `kindred_staff` cookie value. */
  cookie?: string | undefined;
  csrfToken?: string | undefined;
  origin?: string | undefined;
  ip?: string | undefined;
}

/** A caller as the admin console in a browser would be; `cookies` collects what the API set. */
export async function consoleCaller(tenant: Pick<TestTenant, 'db'>, request: ConsoleRequest = {}) {
  const ctx = await createContextInner({
    db: tenant.db,
    log: testLog,
    origin: request.origin ?? CONSOLE_ORIGIN,
    selfOrigin: CONSOLE_ORIGIN,
    secure: true,
    staffCookie: request.cookie,
    csrfToken: request.csrfToken,
    ip: request.ip ?? '203.0.113.9',
  });
  return { caller: createCaller(ctx), cookies: ctx.responseCookies };
}

/** The session cookie value from a Set-Cookie list. */
export function sessionCookieFrom(cookies: string[]): string | undefined {
  const cookie = cookies.find((c) => c.startsWith(`${STAFF_COOKIE}=`));
  return cookie?.slice(STAFF_COOKIE.length + 1).split(';')[0] || undefined;
}

export async function createStaff(tenant: TestTenant, role: StaffRole, email = `${role}-${randomUUID().slice(0, 6)}@example.org`) {
  const id = await withTenant(tenant.db, tenant.tenant.id, (tx) => createAccount(tx, { email, displayName: `Test ${role}`, role, password: STAFF_PASSWORD }));
  if (!id) throw new Error(`staff email ${email} taken`);
  return { id, email };
}

/** A signed-in staff member of `tenant`: their console caller (cookie + CSRF token) and account. */
export async function signedInStaff(tenant: TestTenant, role: StaffRole = 'owner') {
  const { id, email } = await createStaff(tenant, role);
  const signIn = await consoleCaller(tenant);
  const session = await signIn.caller.staff.auth.signIn({ organisation: tenant.tenant.slug, email, password: STAFF_PASSWORD });
  const cookie = sessionCookieFrom(signIn.cookies);
  const { caller } = await consoleCaller(tenant, { cookie, csrfToken: session.csrfToken });
  return { caller, id, email, cookie: cookie!, csrfToken: session.csrfToken, session };
}
