/** Test fixtures: a fresh tenant with keys and an origin, member tokens, and tRPC callers. */
import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { signMemberToken } from '../modules/identity/member-token.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RealtimeHub } from '../modules/realtime/realtime.hub.ts';
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
  caller(options?: {
    token?: string;
    origin?: string;
    publishableKey?: string;
    realtime?: RealtimeHub;
    signal?: AbortSignal;
  }): Promise<ReturnType<typeof createCaller>>;
  /** A member token signed with this tenant's active SSO key (override anything to forge a bad one). */
  token(options?: MemberTokenOptions): Promise<string>;
}

/** Signs a member token the way a host backend would, with every part overridable to forge bad ones. */
export function signTestToken(key: { kid: string; secret: string }, audience: string, options: MemberTokenOptions = {}) {
  return signMemberToken(
    { kid: options.kid ?? key.kid, secret: options.secret ?? key.secret },
    {
      audience: options.audience ?? audience,
      expiresIn: options.expiresIn ?? 300,
      claims: { sub: options.sub ?? 'host-user-1', name: options.name ?? 'Test Member', ...options.claims },
    },
  );
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
        realtime: options.realtime,
      });
      return createCaller(ctx, options.signal ? { signal: options.signal } : {});
    },
    token: (options) => signTestToken(credentials.sso, credentials.tenant.id, options),
  };
}

/** A fresh idempotency key. */
export const idem = () => randomUUID();
