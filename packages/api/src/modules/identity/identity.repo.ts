import type { TenantTx } from '../../db/tenant-transaction.ts';

export interface MemberProfile {
  externalId: string;
  displayName: string;
  avatarUrl: string | null;
  badges: string[];
}

/**
 * Creates the member on first sign-in and refreshes name, avatar and badges when the host's
 * token says something new. Returns the member's Kindred id and whether it was created.
 *
 * ```sql
 * insert into members (...) values (...)
 * on conflict (tenant_id, external_id) do update set ... where <something changed>
 * returning id, (xmax = 0) as created
 * ```
 */
export interface UpsertedMember {
  id: string;
  created: boolean;
  sanction: 'ban' | 'mute' | null;
  sanction_until: Date | null;
  verified_clinician: boolean;
}

const STANDING = ['sanction', 'sanction_until', 'verified_clinician'] as const;

export async function upsertMember(tx: TenantTx, profile: MemberProfile): Promise<UpsertedMember> {
  const written = await tx
    .insertInto('members')
    .values({
      tenant_id: tx.tenantId,
      external_id: profile.externalId,
      display_name: profile.displayName,
      avatar_url: profile.avatarUrl,
      badges: profile.badges,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'external_id'])
        .doUpdateSet((eb) => ({
          display_name: eb.ref('excluded.display_name'),
          avatar_url: eb.ref('excluded.avatar_url'),
          badges: eb.ref('excluded.badges'),
          updated_at: new Date(),
        }))
        .where((eb) =>
          eb.or([
            eb('members.display_name', 'is distinct from', eb.ref('excluded.display_name')),
            eb('members.avatar_url', 'is distinct from', eb.ref('excluded.avatar_url')),
            eb('members.badges', 'is distinct from', eb.ref('excluded.badges')),
          ]),
        ),
    )
    .returning(['id', 'created_at', 'updated_at', ...STANDING])
    .executeTakeFirst();
  if (written) {
    const { created_at, updated_at, ...member } = written;
    return { ...member, created: created_at.getTime() === updated_at.getTime() };
  }

  const existing = await tx.selectFrom('members').select(['id', ...STANDING]).where('external_id', '=', profile.externalId).executeTakeFirstOrThrow();
  return { ...existing, created: false };
}
