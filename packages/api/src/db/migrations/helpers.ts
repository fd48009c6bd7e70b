import { sql, type Kysely } from 'kysely';

/** Runs statements one at a time: PGlite's query() takes one statement per call. */
export async function runStatements(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** RLS enabled and forced, with the one tenant policy, for a table with a `tenant_id` column. */
export function tenantIsolation(table: string): string[] {
  const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
  return [
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `create policy tenant_isolation on ${table} using (tenant_id = ${current}) with check (tenant_id = ${current})`,
  ];
}
