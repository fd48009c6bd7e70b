/**
 * Every migration, in order. Listed explicitly (rather than read from the folder) so the same
 * list works under tsx, vitest and a bundler. Names are timestamps: add new ones at the end.
 */
import type { Migration } from 'kysely';
import * as foundation from './2026_11_25_0001_foundation.ts';
import * as community from './2026_11_25_0002_community.ts';
import * as stories from './2026_11_25_0003_stories.ts';
import * as reviews from './2026_11_25_0004_reviews.ts';
import * as auditChain from './2026_11_25_0005_audit_chain.ts';
import * as erasureGrants from './2026_11_25_0006_erasure_grants.ts';
import * as rateLimits from './2026_11_25_0007_rate_limits.ts';
import * as moderationAndStaff from './2026_11_25_0008_moderation_and_staff.ts';
import * as console_ from './2026_11_25_0009_console.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_25_0001_foundation': foundation,
  '2026_11_25_0002_community': community,
  '2026_11_25_0003_stories': stories,
  '2026_11_25_0004_reviews': reviews,
  '2026_11_25_0005_audit_chain': auditChain,
  '2026_11_25_0006_erasure_grants': erasureGrants,
  '2026_11_25_0007_rate_limits': rateLimits,
  '2026_11_25_0008_moderation_and_staff': moderationAndStaff,
  '2026_11_25_0009_console': console_,
};
