/**
 * Keyset pagination, the only kind this API does (no OFFSET: reads stay flat as data grows).
 * A cursor is the sort key of the last row returned, as base64url JSON; clients treat it as
 * opaque, and each list validates the cursor's shape with its own schema. Queries fetch
 * `limit + 1` rows to know whether there is a next page.
 */
import { z } from 'zod';
import { KindredError } from '../errors.ts';

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export type CursorKey = readonly (string | number | boolean)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Reads a cursor this API issued; anything else is INVALID_CURSOR (400). */
export function decodeCursor<T extends CursorKey>(cursor: string, shape: z.ZodType<T>): T {
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new KindredError('INVALID_CURSOR');
  }
}

/** The commonest key: a timestamp and a uuid. */
export const timeAndId = z.tuple([z.iso.datetime(), z.uuid()]);

/** Cuts the `limit + 1` rows a query fetched into a page and the cursor after it. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => CursorKey,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(toItem), nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
