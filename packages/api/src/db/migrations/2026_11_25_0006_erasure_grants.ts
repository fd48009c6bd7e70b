/** Erasure deletes a member's edit history, reports and answers: the app role needs DELETE there. */
import type { Kysely } from 'kysely';
import { APP_ROLE } from '../roles.ts';
import { runStatements } from './helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`grant delete on post_revisions, reports, product_answers to ${APP_ROLE}`]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`revoke delete on post_revisions, reports, product_answers from ${APP_ROLE}`]);
}
