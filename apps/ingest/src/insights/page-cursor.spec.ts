import fc from 'fast-check';
import { Types } from 'mongoose';

import { ApiError } from '../common/api-error';
import { decodeCursor, encodeCursor, PageCursor, toPage, toPageRequest } from './page-cursor';

const cursorArbitrary = fc.record({
  at: fc.date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
  id: fc.stringMatching(/^[0-9a-f]{24}$/),
});

function expectInvalidCursor(text: string): void {
  try {
    decodeCursor(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid_cursor');
    expect((error as ApiError).status).toBe(400);

    return;
  }

  throw new Error(`decodeCursor accepted ${JSON.stringify(text)}`);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('encodeCursor / decodeCursor', () => {
  it('round-trips any cursor', () => {
    fc.assert(
      fc.property(cursorArbitrary, (cursor: PageCursor) => {
        expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
      }),
    );
  });

  it('produces URL-safe text', () => {
    fc.assert(
      fc.property(cursorArbitrary, (cursor) => {
        expect(encodeCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/);
      }),
    );
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['JSON but not an object', base64url(42)],
    ['no id', base64url({ at: '2026-11-30T09:00:00.000Z' })],
    ['id not hex', base64url({ at: '2026-11-30T09:00:00.000Z', id: 'z'.repeat(24) })],
    ['id too short', base64url({ at: '2026-11-30T09:00:00.000Z', id: 'abc' })],
    ['id upper case', base64url({ at: '2026-11-30T09:00:00.000Z', id: 'A'.repeat(24) })],
    ['no time', base64url({ id: 'a'.repeat(24) })],
    ['time not a date', base64url({ at: 'yesterday', id: 'a'.repeat(24) })],
    ['time not canonical', base64url({ at: '2026-11-30', id: 'a'.repeat(24) })],
    ['time a number', base64url({ at: 1, id: 'a'.repeat(24) })],
  ])('refuses a cursor that is %s with invalid_cursor', (_case, text) => {
    expectInvalidCursor(text);
  });

  it('either refuses any other text or reads it as a cursor that encodes back to it', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        let decoded: PageCursor | undefined;

        try {
          decoded = decodeCursor(text);
        } catch (error) {
          expect((error as ApiError).code).toBe('invalid_cursor');

          return;
        }

        expect(encodeCursor(decoded)).toBe(text);
      }),
    );
  });
});

describe('toPageRequest', () => {
  it('has no position without a cursor', () => {
    expect(toPageRequest({ limit: 5 })).toEqual({ limit: 5 });
  });

  it('reads the position from the cursor', () => {
    const at = new Date('2026-11-30T09:00:00.000Z');
    const id = new Types.ObjectId().toHexString();

    expect(toPageRequest({ limit: 5, cursor: encodeCursor({ at, id }) })).toEqual({
      limit: 5,
      after: { at, id },
    });
  });
});

describe('toPage', () => {
  const rows = Array.from({ length: 4 }, (_, i) => ({
    _id: new Types.ObjectId(),
    storedAt: new Date(Date.UTC(2026, 10, 30, 9, 0, 10 - i)),
  }));

  it('is the last page when the query found no extra row', () => {
    expect(toPage(rows.slice(0, 3), 3, (row) => row.storedAt)).toEqual({
      rows: rows.slice(0, 3),
      nextCursor: null,
    });
  });

  it('drops the extra row and points the cursor at the last row shown', () => {
    const page = toPage(rows, 3, (row) => row.storedAt);

    expect(page.rows).toEqual(rows.slice(0, 3));
    expect(decodeCursor(page.nextCursor as string)).toEqual({
      at: rows[2].storedAt,
      id: rows[2]._id.toHexString(),
    });
  });
});
