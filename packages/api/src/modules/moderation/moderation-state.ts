/** How an item's stored moderation state is told to its author: one way, for every kind of content. */
import type { TenantSettings } from '../tenants/tenant-settings.ts';
import type { ContentStatus, ModerationOutcome, ModerationReason, ModerationStateDto } from './moderation.types.ts';

interface StoredState {
  status: ContentStatus;
  moderation_reason: ModerationReason | null;
  moderation_note: string | null;
}

/** The state on a reader DTO of the author's own item (published items carry no reason or note). */
export function moderationStateOf(row: StoredState): ModerationStateDto {
  const published = row.status === 'published';
  return { status: row.status, moderationReason: published ? null : row.moderation_reason, moderationNote: published ? null : row.moderation_note };
}

/** The outcome of a write that was already stored (an idempotent retry, or an edit nothing checked). */
export function storedOutcome(status: ContentStatus, reason: ModerationReason | null, settings: TenantSettings): ModerationOutcome {
  if (status === 'published') return { status: 'published', reason: null, crisisResources: null };
  const why = reason ?? 'moderator';
  return { status: 'pending', reason: why, crisisResources: why === 'crisis' ? settings.crisisResources : null };
}
