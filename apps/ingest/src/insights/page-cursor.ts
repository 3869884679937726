import { ApiError, ErrorCode } from '../common/api-error';

/**
 * Where a newest-first page ended: the sort time (`storedAt` for events, `recordedAt` for
 * skipped and rejected messages) and the `_id` of its last row. The `_id` breaks ties between
 * rows written in the same millisecond, so the next page neither repeats nor skips one.
 */
export interface PageCursor {
  at: Date;
  /** The row's ObjectId as 24 lowercase hex digits. */
  id: string;
}

/** One page of a newest-first list: at most `limit` rows after `after`. */
export interface PageRequest {
  limit: number;
  after?: PageCursor;
}

/** A page of rows and the cursor for the next one; null when this page is the last. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const OBJECT_ID_HEX = /^[0-9a-f]{24}$/;

/** Encodes a cursor as opaque base64url text; clients only hand it back. */
export function encodeCursor(cursor: PageCursor): string {
  const json = JSON.stringify({ at: cursor.at.toISOString(), id: cursor.id });

  return Buffer.from(json, 'utf8').toString('base64url');
}

/**
 * Reads a cursor made by encodeCursor. Throws the 400 `invalid_cursor` for anything else,
 * including a hand-edited one, rather than guessing a position.
 */
export function decodeCursor(text: string): PageCursor {
  const parsed = BASE64URL.test(text) ? parseJson(Buffer.from(text, 'base64url')) : undefined;
  const at = typeof parsed?.at === 'string' ? new Date(parsed.at) : undefined;
  const isCanonicalTime =
    at !== undefined && !isNaN(at.getTime()) && at.toISOString() === parsed?.at;
  const id = parsed?.id;

  if (!isCanonicalTime || typeof id !== 'string' || !OBJECT_ID_HEX.test(id)) {
    throw ApiError.badRequest(
      ErrorCode.InvalidCursor,
      'The cursor is not one this API issued; start again without it.',
    );
  }

  return { at, id };
}

/** The page a `limit` and optional `cursor` query asks for; throws as decodeCursor does. */
export function toPageRequest(query: { limit: number; cursor?: string }): PageRequest {
  return {
    limit: query.limit,
    ...(query.cursor !== undefined ? { after: decodeCursor(query.cursor) } : {}),
  };
}

/**
 * Turns the rows of a query that asked for `limit + 1` into a page: the extra row only tells
 * that a next page exists, and the cursor points at the last row shown.
 */
export function toPage<T extends { _id: { toHexString(): string } }>(
  rows: T[],
  limit: number,
  sortTimeOf: (row: T) => Date,
): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };

  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];

  return {
    rows: shown,
    nextCursor: encodeCursor({ at: sortTimeOf(last), id: last._id.toHexString() }),
  };
}

function parseJson(bytes: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));

    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
