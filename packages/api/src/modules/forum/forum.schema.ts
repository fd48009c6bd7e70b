/** The forum's inputs (zod) and the DTOs it returns. Widgets import these types only. */
import { z } from 'zod';
import { userLine, userText } from '../../text.ts';

export const groupSlug = z.string().min(1).max(63).regex(/^[a-z0-9][a-z0-9-]*$/, 'not a group slug');
export const cursor = z.string().min(1).max(200);
export const pageLimit = z.number().int().min(1).max(50).default(20);
/** Client-generated, one per logical write: retrying with the same key returns the first result. */
export const idempotencyKey = z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

export const listThreadsInput = z.object({
  /** Omitted: the tenant's general forum. */
  group: groupSlug.optional(),
  cursor: cursor.nullish(),
  limit: pageLimit,
});

export const getThreadInput = z.object({
  threadId: z.uuid(),
  /** Cursor into the posts, which come oldest first. */
  cursor: cursor.nullish(),
  limit: pageLimit,
});

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;

export const createThreadInput = z.object({
  group: groupSlug.optional(),
  title: userLine(3, TITLE_MAX),
  body: userText(1, BODY_MAX),
  idempotencyKey,
});

export const replyInput = z.object({
  threadId: z.uuid(),
  body: userText(1, BODY_MAX),
  idempotencyKey,
});

export type ListThreadsInput = z.infer<typeof listThreadsInput>;
export type GetThreadInput = z.infer<typeof getThreadInput>;
export type CreateThreadInput = z.infer<typeof createThreadInput>;
export type ReplyInput = z.infer<typeof replyInput>;

/** What other people may see of an author. Never the host's user id. */
export interface AuthorDto {
  id: string;
  displayName: string;
}

export interface ThreadSummaryDto {
  id: string;
  title: string;
  /** The opening post's first 200 characters, plain text. */
  excerpt: string;
  author: AuthorDto;
  group: string | null;
  replyCount: number;
  createdAt: string;
  lastActivityAt: string;
}

export interface PostDto {
  id: string;
  threadId: string;
  /** Plain text: render as text, never as HTML. */
  body: string;
  author: AuthorDto;
  isOpening: boolean;
  createdAt: string;
}
