/**
 * Property test over every procedure: whatever the input (random JSON, and objects made of the
 * API's own field names with hostile values), the answer is a result or a client error with a
 * code — never INTERNAL (a 500).
 */
import fc from 'fast-check';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { appRouter, createCaller } from '../router.ts';
import { testLog } from '../testing/database.ts';
import { createTestTenant, idem } from '../testing/fixtures.ts';
import { signedInStaff } from '../testing/staff.ts';
import { createContextInner } from './context.ts';
import { kindredCodeOf } from './trpc.ts';

const FIELDS = [
  'threadId', 'postId', 'storyId', 'reviewId', 'questionId', 'memberId', 'group', 'slug', 'sku', 'cursor', 'limit', 'sort',
  'title', 'body', 'contentWarning', 'anonymous', 'idempotencyKey', 'kind', 'on', 'helpful', 'reason', 'note', 'query',
  'condition', 'tag', 'audience', 'signing', 'pseudonym', 'consent', 'uses', 'consentTextId', 'use', 'rating', 'attributes',
  'attribute', 'peopleLikeMe', 'approve', 'confirm', 'products', 'name', 'tags', 'lastEventId', 'minReviews', 'category',
  'staffName', 'url', 'imageUrl', 'organisation', 'email', 'password', 'totpCode', 'token', 'displayName', 'role', 'staffId',
  'inviteId', 'days', 'view', 'verified', 'everywhere', 'code', 'from', 'to', 'actor', 'action', 'origin', 'text', 'id',
];

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '', ' ', '\u0000', '\u202e', '<script>alert(1)</script>', "'; drop table posts; --", '%00', '../../etc/passwd', '🎗️'.repeat(50),
    'x'.repeat(100_000), crypto.randomUUID(), '00000000-0000-0000-0000-000000000000', 'not-a-uuid', 'NaN', '-1', '1e309',
    'support', 'public', 'name', 'site', 'helpful', 'newest', 'pk_x', 'sk_x', 'javascript:alert(1)', 'https://x.example',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1, 5, 50, 51, Number.MAX_SAFE_INTEGER, true, false, null),
  fc.array(hostileString, { maxLength: 12 }),
  fc.dictionary(fc.constantFrom(...FIELDS), hostileString, { maxKeys: 3 }),
);
const input = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 8 }),
  fc.constant(undefined),
);

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([, p]) => p._def.type !== 'subscription')
  .map(([path]) => path);

type AnyCaller = Record<string, unknown>;

/** `caller.staff.queue.list` for the path 'staff.queue.list'. */
function procedureAt(caller: AnyCaller, path: string): (input: unknown) => Promise<unknown> {
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller) as (input: unknown) => Promise<unknown>;
}

describe('no input produces a 500', () => {
  it(`holds for every query and mutation (${procedures.length} procedures)`, async () => {
    const tenant = await createTestTenant('props');
    const member = await tenant.caller({ token: await tenant.token({ sub: 'prop-member', name: 'Prop', claims: { purchases: ['SKU'] } }) });
    const thread = await member.forum.createThread({ title: 'A thread', body: 'A body', idempotencyKey: idem() });
    await member.forum.reply({ threadId: thread.id, body: 'a reply', idempotencyKey: idem() });
    const callers = {
      guest: (await tenant.caller()) as unknown as AnyCaller,
      member: member as unknown as AnyCaller,
      server: createCaller(await createContextInner({ db: tenant.db, log: testLog, token: tenant.secretKey })) as unknown as AnyCaller,
      staff: (await signedInStaff(tenant, 'owner')).caller as unknown as AnyCaller,
    };
    const failures: string[] = [];
    for (const path of procedures) {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('guest', 'member', 'server', 'staff') as fc.Arbitrary<keyof typeof callers>, input, async (who, value) => {
          // Signing the staff caller out would leave every later staff procedure untested.
          if (who === 'staff' && path === 'staff.auth.signOut') return true;
          try {
            await procedureAt(callers[who], path)(value);
          } catch (err) {
            if (!(err instanceof TRPCError) || kindredCodeOf(err) === 'INTERNAL') {
              failures.push(`${path} as ${who} with ${JSON.stringify(value)?.slice(0, 200)}: ${String((err as Error).cause ?? err)}`);
              return false;
            }
          }
          return true;
        }),
        { numRuns: 25, seed: 20261125 },
      ).catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
