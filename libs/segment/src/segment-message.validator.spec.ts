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
        fc.option(fc.string({ minLength: 1, maxLength: 512 }), { nil: undefined }),
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
