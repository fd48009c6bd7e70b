/**
 * Keyset pagination, the only kind this API does (no OFFSET: reads stay flat as data grows).
 * A cursor is the sort key of the last row returned, as base64url JSON; clients treat it as
 * opaque. Queries fetch `limit + 1` rows to know whether there is a next page.
 */
import { z } from 'zod';
import { KindredError } from '../errors.ts';

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A cursor on (timestamp, id): the shape every list in this API sorts by. */
const timeAndId = z.tuple([z.iso.datetime(), z.uuid()]);
export type TimeAndId = { at: string; id: string };

export function encodeCursor(key: TimeAndId): string {
  return Buffer.from(JSON.stringify([key.at, key.id])).toString('base64url');
}

export function decodeCursor(cursor: string): TimeAndId {
  try {
    const [at, id] = timeAndId.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { at, id };
  } catch {
    throw new KindredError('INVALID_CURSOR');
  }
}

/** Cuts the `limit + 1` rows a query fetched into a page and the cursor after it. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => TimeAndId,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(toItem), nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
