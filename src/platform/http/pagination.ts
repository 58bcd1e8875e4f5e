import { Type, type Static } from 'typebox';
import { invalid } from '../errors.js';

export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'page size (1–100)' })),
  cursor: Type.Optional(Type.String({ maxLength: 400, description: 'opaque cursor from nextCursor' })),
});
export type PageQuery = Static<typeof PageQuery>;

export const Page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity) return v;
  } catch {
    /* fall through */
  }
  throw invalid('request.bad_cursor', 'The cursor is not valid; start again from the first page.');
}

/** Fetch limit+1 rows, return `limit` and a cursor built from the last returned row. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]): PageResult<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encodeCursor(keyOf(items[items.length - 1])) : null };
}

/** The same page with each item converted (rows → API shapes). */
export function mapPage<A, B>(page: PageResult<A>, f: (a: A) => B): PageResult<B> {
  return { items: page.items.map(f), nextCursor: page.nextCursor };
}

export const pageLimit = (q: { limit?: number }): number => Math.min(Math.max(q.limit ?? 20, 1), 100);
