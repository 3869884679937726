import fc from 'fast-check';

import { RejectionReason } from './rejection-reason.constants';
import { checkSegmentMessage, MAX_MESSAGE_BYTES } from './segment-message.validator';

function trackMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'track', messageId: 'm-1', userId: 'u1', event: 'Order Completed', ...overrides };
}

describe('checkSegmentMessage', () => {
  it('accepts a complete track message and keeps its messageId', () => {
    const check = checkSegmentMessage(trackMessage());

    expect(check).toEqual({ ok: true, message: trackMessage() });
  });

  it('generates an sbi- messageId when the sender gave none, as Segment does', () => {
    const check = checkSegmentMessage(trackMessage({ messageId: undefined }));

    expect(check.ok && check.message.messageId).toMatch(/^sbi-[0-9a-f-]{36}$/);
  });

  it('turns numeric user ids into strings', () => {
    const check = checkSegmentMessage(trackMessage({ userId: 42, anonymousId: 7 }));

    expect(check).toMatchObject({ ok: true, message: { userId: '42', anonymousId: '7' } });
  });

  it('lets an unknown type pass, to be recorded as skipped later', () => {
    expect(checkSegmentMessage({ type: 'delete', messageId: 'm-2' })).toMatchObject({ ok: true });
  });

  it('lets the type of a /v1/track-style route win over the body', () => {
    const check = checkSegmentMessage(trackMessage({ type: 'identify' }), 'track');

    expect(check).toMatchObject({ ok: true, message: { type: 'track' } });
  });

  it.each([
    ['a body that is not an object', ['x'], 'message must be object'],
    ['no type', { messageId: 'm-1', userId: 'u1' }, "must have required property 'type'"],
    ['a track without event', trackMessage({ event: undefined }), 'event is required'],
    ['a blank event', trackMessage({ event: '  ' }), 'event is required'],
    ['no user at all', trackMessage({ userId: undefined }), 'userId or anonymousId is required'],
    [
      'a blank userId and null anonymousId',
      trackMessage({ userId: ' ', anonymousId: null }),
      'userId or anonymousId',
    ],
    [
      'properties that are a string',
      trackMessage({ properties: 'x' }),
      'properties must be object,null',
    ],
    ['an empty messageId', trackMessage({ messageId: '' }), 'messageId must NOT have fewer'],
  ])('refuses %s as invalid_message', (_case, input, detail) => {
    const check = checkSegmentMessage(input);

    expect(check).toMatchObject({ ok: false, reason: RejectionReason.InvalidMessage });
    expect(!check.ok && check.detail).toContain(detail);
  });

  it('refuses a message over 32 KB as message_too_large, naming its messageId', () => {
    const input = trackMessage({ properties: { blob: 'x'.repeat(MAX_MESSAGE_BYTES) } });

    expect(checkSegmentMessage(input)).toMatchObject({
      ok: false,
      reason: RejectionReason.MessageTooLarge,
      messageId: 'm-1',
      detail: expect.stringContaining('the limit is 32 KB'),
    });
  });

  it('keeps the reason codes ingest answers and stores', () => {
    expect(Object.values(RejectionReason).sort()).toEqual(['invalid_message', 'message_too_large']);
  });

  it('accepts any track message with a user and an event, always with a messageId', () => {
    const user = fc.oneof(
      fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
      fc.integer(),
    );

    fc.assert(
      fc.property(
        user,
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        // Blank ids are refused (see below), so the sender-given ones here have a character.
        fc.option(
          fc.string({ minLength: 1, maxLength: 512 }).filter((s) => s.trim() !== ''),
          { nil: undefined },
        ),
        (userId, event, messageId) => {
          const check = checkSegmentMessage(trackMessage({ userId, event, messageId }));

          expect(check.ok).toBe(true);
          expect(check.ok && check.message.messageId).toEqual(messageId ?? expect.any(String));
          expect(check.ok && check.message.userId).toBe(String(userId));
        },
      ),
    );
  });
});

describe('checkSegmentMessage against hostile shapes', () => {
  const base = { type: 'track', messageId: 'm-1', userId: 'u', event: 'E' };

  function nested(depth: number): unknown {
    let value: unknown = 1;

    for (let i = 0; i < depth; i += 1) value = [value];

    return value;
  }

  it('refuses a message nested deeper than the limit without overflowing the stack', () => {
    const check = checkSegmentMessage({ ...base, properties: { x: nested(20_000) } });

    expect(check).toMatchObject({ ok: false, reason: 'invalid_message' });
    expect(!check.ok && check.detail).toContain('nested deeper than 64 levels');
  });

  it('accepts nesting just inside the limit', () => {
    // The message is level 0 and properties level 1, so 62 more levels reach 64 in all.
    expect(checkSegmentMessage({ ...base, properties: { x: nested(61) } }).ok).toBe(true);
  });

  it.each([
    ['a messageId', { messageId: 'dup-\ud800-T' }],
    ['a userId', { userId: '\udbff' }],
    ['a nested value', { properties: { list: ['ok', 'x\udc00'] } }],
    ['a key', { properties: { ['k\ud83d']: 1 } }],
  ])('refuses a lone surrogate in %s', (_where, overrides) => {
    const check = checkSegmentMessage({ ...base, ...overrides });

    expect(check).toMatchObject({ ok: false, reason: 'invalid_message' });
    expect(!check.ok && check.detail).toContain('lone UTF-16 surrogate');
  });

  it('accepts emoji, RTL marks and zero-width characters', () => {
    const text = '😀 \u200f\u200b e\u0301';

    expect(checkSegmentMessage({ ...base, userId: text, properties: { [text]: text } }).ok).toBe(
      true,
    );
  });

  it.each([' ', '\t', '\n  '])('refuses the blank messageId %j', (messageId) => {
    expect(checkSegmentMessage({ ...base, messageId })).toMatchObject({
      ok: false,
      reason: 'invalid_message',
    });
  });

  it('reads the type case-insensitively, so TRACK without an event is refused', () => {
    expect(checkSegmentMessage({ ...base, type: ' TRACK ', event: undefined })).toMatchObject({
      ok: false,
      detail: 'event is required for a track message',
    });
    expect(checkSegmentMessage({ ...base, type: 'TRACK' })).toMatchObject({
      ok: true,
      message: { type: 'track' },
    });
  });
});
