/** Test fixtures: a fresh tenant with keys and an origin, member tokens, and tRPC callers. */
import { randomUUID } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createCaller } from '../router.ts';
import { createContextInner } from '../trpc/context.ts';
import { createTenant, type NewTenantCredentials } from '../modules/tenants/tenants.service.ts';
import { testDatabase, testLog } from './database.ts';

export interface MemberTokenOptions {
  sub?: string;
  name?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  claims?: JWTPayload & Record<string, unknown>;
  secret?: string;
  kid?: string;
  audience?: string;
}

export interface TestTenant extends NewTenantCredentials {
  db: Kysely<Database>;
  origin: string;
  /** A tRPC caller as a browser on the tenant's allowed origin would be, with an optional member token. */
  caller(options?: { token?: string; origin?: string; publishableKey?: string }): Promise<ReturnType<typeof createCaller>>;
  /** A member token signed with this tenant's active SSO key (override anything to forge a bad one). */
  token(options?: MemberTokenOptions): Promise<string>;
}

export async function signMemberToken(
  key: { kid: string; secret: string },
  audience: string,
  options: MemberTokenOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: options.name ?? 'Test Member', ...options.claims })
    .setProtectedHeader({ alg: 'HS256', kid: options.kid ?? key.kid })
    .setSubject(options.sub ?? 'host-user-1')
    .setAudience(options.audience ?? audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 300))
    .sign(new TextEncoder().encode(options.secret ?? key.secret));
}

export async function createTestTenant(label = 'tenant'): Promise<TestTenant> {
  const { db } = await testDatabase();
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const origin = `https://${slug}.example`;
  const credentials = await createTenant(db, { name: `Test ${label}`, slug, origins: [origin] });
  return {
    ...credentials,
    db,
    origin,
    async caller(options = {}) {
      const ctx = await createContextInner({
        db,
        log: testLog,
        publishableKey: options.publishableKey ?? credentials.publishableKey,
        origin: options.origin ?? origin,
        token: options.token,
      });
      return createCaller(ctx);
    },
    token: (options) => signMemberToken(credentials.sso, credentials.tenant.id, options),
  };
}

/** A fresh idempotency key. */
export const idem = () => randomUUID();
