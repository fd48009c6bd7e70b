/**
 * The operator's command line: `npm run kindred -- <command>`. Each command is a function of
 * (arguments, database, output) so tests run them in-process; cli/main.ts wires them to a shell.
 */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { migrateDown, migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
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
  migrate [--down]       Apply all pending migrations (or undo the newest one).

The database is the one Kindred uses: DATABASE_URL if set, else the embedded one in
KINDRED_DATA_DIR (default .kindred). Stop a running embedded server before using the CLI.`;

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

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
    case 'migrate': {
      const ran = values.down ? await migrateDown(db) : await migrateToLatest(db);
      out(ran.length ? `${values.down ? 'Undid' : 'Applied'}: ${ran.join(', ')}` : 'The database is up to date.');
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}
