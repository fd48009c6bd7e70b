/**
 * The operator's command line: `npm run kindred -- <command>`. Each command is a function of
 * (arguments, database, output) so tests run them in-process; cli/main.ts wires them to a shell.
 */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { migrateDown, migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { z } from 'zod';
import { withTenant } from '../db/tenant-transaction.ts';
import { appendAudit, verifyAuditChain } from '../modules/audit/audit.repo.ts';
import { upsertMembership } from '../modules/groups/groups.repo.ts';
import { decide, findKindOf, listQueue } from '../modules/moderation/moderation.service.ts';
import { createInvite } from '../modules/staff/staff-auth.service.ts';
import { inviteInput } from '../modules/staff/staff.schema.ts';
import { getTenantSettings, updateTenantSettings, type TenantSettings } from '../modules/tenants/tenant-settings.ts';
import { tenantSlugSchema } from '../modules/tenants/tenants.service.ts';
import { findTenantBySlug } from '../modules/tenants/tenants.repo.ts';
import { addOrigin, createTenant, rotateSsoKey } from '../modules/tenants/tenants.service.ts';

export const USAGE = `Usage: npm run kindred -- <command> [options]

Commands:
  tenant create --name <name> --slug <slug> [--origin <url>]...
                         Create a tenant; prints its publishable key, secret key and SSO key.
  origin add --tenant <slug> --origin <url>
                         Allow a site (exact origin, e.g. https://clinic.example) to embed the widgets.
  sso rotate --tenant <slug> [--keep-previous]
                         Make a new SSO signing key active; the old ones are retired unless --keep-previous.
  settings --tenant <slug> [--trust-host-badges true|false] [--medical-notice <text>|--no-medical-notice]
                         Show or change community settings.
  group create --tenant <slug> --slug <slug> --name <name> [--description <text>]
               [--condition <tag>]... [--join open|request|invite] [--visibility public|members|group]
                         Create a condition group (invite-only groups are always group-only).
  group role --tenant <slug> --group <slug> --member <host user id> --role member|mentor|moderator
                         Add a signed-in-before member to a group with a role (e.g. a group moderator).
  moderate pending --tenant <slug>
  moderate approve|reject --tenant <slug> --id <id>
                         Review what waits for moderation (crisis items first); the admin
                         console's queue does the same with more actions.
  staff create --tenant <slug> --email <email> [--role owner|moderator|analyst] [--console-url <url>]
                         Invite someone to the admin console: prints a one-time link (valid 7 days)
                         where they choose their name and password. Default role: owner.
  audit verify --tenant <slug>
                         Recompute the tenant's audit hash chain and report whether it is intact.
  migrate [--down]       Apply all pending migrations (or undo the newest one).

The database is the one Kindred uses: DATABASE_URL if set, else the embedded one in
KINDRED_DATA_DIR (default .kindred). Stop a running embedded server before using the CLI.`;

const groupSettings = z.object({
  slug: tenantSlugSchema,
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000),
  conditionTags: z.array(z.string().trim().min(1).max(60)).max(20),
  joinPolicy: z.enum(['open', 'request', 'invite']),
  visibility: z.enum(['public', 'members', 'group']),
});

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** `audit verify` found an altered log: exit code 1 with the reason. */
export class AuditChainBroken extends Error {}

type Out = (line: string) => void;

async function tenantIdFor(db: Kysely<Database>, slug: string | undefined): Promise<string> {
  if (!slug) throw new UsageError('--tenant <slug> is required');
  const tenant = await findTenantBySlug(db, slug);
  if (!tenant) throw new UsageError(`there is no tenant with the slug "${slug}"`);
  return tenant.id;
}

export async function runCommand(argv: string[], db: Kysely<Database>, out: Out): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      origin: { type: 'string', multiple: true },
      tenant: { type: 'string' },
      'keep-previous': { type: 'boolean' },
      down: { type: 'boolean' },
      'trust-host-badges': { type: 'string' },
      'medical-notice': { type: 'string' },
      'no-medical-notice': { type: 'boolean' },
      description: { type: 'string' },
      condition: { type: 'string', multiple: true },
      join: { type: 'string' },
      visibility: { type: 'string' },
      group: { type: 'string' },
      member: { type: 'string' },
      role: { type: 'string' },
      id: { type: 'string' },
      email: { type: 'string' },
      'console-url': { type: 'string' },
    },
  });
  const command = positionals.join(' ');

  switch (command) {
    case 'tenant create': {
      if (!values.name || !values.slug) throw new UsageError('--name and --slug are required');
      if (await findTenantBySlug(db, values.slug)) throw new UsageError(`a tenant with the slug "${values.slug}" already exists`);
      const created = await createTenant(db, { name: values.name, slug: values.slug, origins: values.origin ?? [] });
      out(`Created tenant "${created.tenant.name}" (${created.tenant.slug})`);
      out(`  tenant id (the token audience):  ${created.tenant.id}`);
      out(`  publishable key (for the page):  ${created.publishableKey}`);
      out(`  secret key (server only, shown once): ${created.secretKey}`);
      out(`  SSO key id (JWT "kid"):          ${created.sso.kid}`);
      out(`  SSO secret (HS256, server only): ${created.sso.secret}`);
      out(`  allowed origins: ${(values.origin ?? []).length ? values.origin!.join(', ') : '(none yet: add one with "origin add")'}`);
      return;
    }
    case 'origin add': {
      if (!values.origin?.length) throw new UsageError('--origin <url> is required');
      const tenantId = await tenantIdFor(db, values.tenant);
      for (const origin of values.origin) out(`Allowed ${await addOrigin(db, tenantId, origin)}`);
      return;
    }
    case 'sso rotate': {
      const tenantId = await tenantIdFor(db, values.tenant);
      const key = await rotateSsoKey(db, tenantId, { keepPrevious: values['keep-previous'] ?? false });
      out(`New SSO key id: ${key.kid}`);
      out(`New SSO secret: ${key.secret}`);
      out(key.retired.length ? `Retired: ${key.retired.join(', ')}` : 'Previous keys stay active until rotated again.');
      return;
    }
    case 'settings': {
      const tenantId = await tenantIdFor(db, values.tenant);
      const changes: Partial<TenantSettings> = {};
      if (values['trust-host-badges'] !== undefined) {
        if (!['true', 'false'].includes(values['trust-host-badges'])) throw new UsageError('--trust-host-badges takes true or false');
        changes.trustHostBadges = values['trust-host-badges'] === 'true';
      }
      if (values['medical-notice'] !== undefined) changes.medicalNotice = values['medical-notice'];
      if (values['no-medical-notice']) changes.medicalNotice = null;
      const settings = await withTenant(db, tenantId, async (tx) => {
        const next = Object.keys(changes).length ? await updateTenantSettings(tx, changes) : await getTenantSettings(tx);
        if (Object.keys(changes).length) await appendAudit(tx, { actorKind: 'operator', action: 'settings.changed', details: { keys: Object.keys(changes) } });
        return next;
      });
      out(`trust host badges: ${settings.trustHostBadges}`);
      out(`medical notice: ${settings.medicalNotice ?? '(off)'}`);
      return;
    }
    case 'group create': {
      const tenantId = await tenantIdFor(db, values.tenant);
      const group = groupSettings.parse({
        slug: values.slug,
        name: values.name,
        description: values.description ?? '',
        conditionTags: values.condition ?? [],
        joinPolicy: values.join ?? 'open',
        visibility: values.join === 'invite' ? 'group' : (values.visibility ?? 'public'),
      });
      await withTenant(db, tenantId, async (tx) => {
        await tx
          .insertInto('groups')
          .values({
            tenant_id: tenantId,
            slug: group.slug,
            name: group.name,
            description: group.description,
            condition_tags: group.conditionTags,
            join_policy: group.joinPolicy,
            visibility: group.visibility,
          })
          .execute();
        await appendAudit(tx, { actorKind: 'operator', action: 'group.created', subject: group.slug });
      });
      out(`Created group "${group.name}" (${group.slug}): ${group.joinPolicy}, readable by ${group.visibility}`);
      return;
    }
    case 'group role': {
      const tenantId = await tenantIdFor(db, values.tenant);
      const role = z.enum(['member', 'mentor', 'moderator']).safeParse(values.role);
      if (!role.success || !values.group || !values.member) throw new UsageError('--group, --member and --role member|mentor|moderator are required');
      await withTenant(db, tenantId, async (tx) => {
        const group = await tx.selectFrom('groups').select('id').where('slug', '=', values.group!).executeTakeFirst();
        if (!group) throw new UsageError(`there is no group "${values.group}"`);
        const member = await tx.selectFrom('members').select('id').where('external_id', '=', values.member!).executeTakeFirst();
        if (!member) throw new UsageError(`no member with host user id "${values.member}" has signed in yet`);
        await upsertMembership(tx, { groupId: group.id, memberId: member.id, status: 'active', role: role.data });
        await appendAudit(tx, { actorKind: 'operator', action: 'group.role_set', subject: member.id, details: { groupId: group.id, role: role.data } });
      });
      out(`${values.member} is now ${role.data === 'member' ? 'a member' : `a ${role.data}`} of ${values.group}`);
      return;
    }
    case 'moderate pending': {
      const tenantId = await tenantIdFor(db, values.tenant);
      const pending = await withTenant(db, tenantId, (tx) => listQueue(tx, { limit: 50 }));
      if (pending.items.length === 0) out('Nothing is waiting for review.');
      for (const item of pending.items) {
        const preview = (item.title ?? item.bodySource).replace(/\s+/g, ' ').slice(0, 60);
        out(`${item.id}  ${item.createdAt.slice(0, 16)}  ${item.priority === 'crisis' ? 'CRISIS ' : ''}${item.kind.padEnd(13)}  ${preview}`);
      }
      if (pending.nextCursor) out('(more waiting: use the admin console to see them all)');
      return;
    }
    case 'moderate approve':
    case 'moderate reject': {
      const tenantId = await tenantIdFor(db, values.tenant);
      const id = z.uuid().safeParse(values.id);
      if (!id.success) throw new UsageError('--id <id> is required (see "moderate pending")');
      const action = command === 'moderate approve' ? 'approve' : 'reject';
      const item = await withTenant(db, tenantId, async (tx) => {
        const kind = await findKindOf(tx, id.data);
        return kind ? decide(tx, { kind: 'operator', id: null }, { kind, id: id.data, action }) : undefined;
      });
      if (!item) throw new UsageError(`there is nothing with the id ${id.data} in this tenant`);
      out(`The ${item.kind.replace('_', ' ')} ${id.data} is now ${item.status}.`);
      return;
    }
    case 'staff create': {
      const tenantId = await tenantIdFor(db, values.tenant);
      const input = inviteInput.safeParse({ email: values.email, role: values.role ?? 'owner' });
      if (!input.success) throw new UsageError('--email <email> is required, and --role must be owner, moderator or analyst');
      const consoleUrl = (values['console-url'] ?? 'http://localhost:8787').replace(/\/+$/, '');
      const token = await withTenant(db, tenantId, async (tx) => {
        const { invite, token } = await createInvite(tx, { ...input.data, invitedBy: null });
        await appendAudit(tx, { actorKind: 'operator', action: 'staff.invited', subject: invite.id, details: { role: input.data.role } });
        return token;
      });
      out(`Invited ${input.data.email} as ${input.data.role}. Send them this link (valid for 7 days, usable once):`);
      out(`  ${consoleUrl}/admin/#/invite/${token}`);
      return;
    }
    case 'audit verify': {
      const tenantId = await tenantIdFor(db, values.tenant);
      const check = await withTenant(db, tenantId, (tx) => verifyAuditChain(tx));
      if (!check.ok) throw new AuditChainBroken(`The audit log was altered: the chain breaks at entry ${check.brokenAt} of ${check.entries}.`);
      out(`The audit log is intact: ${check.entries} entries, every hash checks out.`);
      return;
    }
    case 'migrate': {
      const ran = values.down ? await migrateDown(db) : await migrateToLatest(db);
      out(ran.length ? `${values.down ? 'Undid' : 'Applied'}: ${ran.join(', ')}` : 'The database is up to date.');
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}
