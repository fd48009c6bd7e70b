/**
 * How a host's backend signs a member token: the reference implementation, used by the demo
 * host pages and the tests. Kindred itself only verifies tokens (identity.service.ts).
 */
import { SignJWT } from 'jose';
import { MEMBER_TOKEN_ALGORITHM } from './identity.service.ts';

export interface MemberTokenClaims {
  /** The host's own, stable user id. */
  sub: string;
  /** The name other members see. */
  name: string;
  avatar?: string;
  badges?: string[];
  [claim: string]: unknown;
}

export async function signMemberToken(
  key: { kid: string; secret: string },
  options: {
    /** The tenant id. */
    audience: string;
    claims: MemberTokenClaims;
    /** Lifetime in seconds; keep it short (minutes). Negative makes an expired token for tests. */
    expiresIn?: number;
    /** Tests only: sign with another algorithm or key id. */
    algorithm?: string;
  },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { sub, ...claims } = options.claims;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.algorithm ?? MEMBER_TOKEN_ALGORITHM, kid: key.kid })
    .setSubject(sub)
    .setAudience(options.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(new TextEncoder().encode(key.secret));
}
