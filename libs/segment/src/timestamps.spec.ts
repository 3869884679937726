import { normalizeTimestamps } from './timestamps';
import { mergeBatchEnvelope } from './batch';
import { SegmentMessage } from './segment-message.types';

const arrivedAt = new Date('2026-12-01T10:00:10.000Z');

function message(overrides: Partial<SegmentMessage> = {}): SegmentMessage {
  return { type: 'track', messageId: 'm-1', event: 'Order Completed', ...overrides };
}

describe('normalizeTimestamps', () => {
  it.each([
    {
      rule: 'corrects originalTimestamp by the sender clock skew',
      input: { originalTimestamp: '2026-12-01T09:59:00.000Z', sentAt: '2026-12-01T10:00:00.000Z' },
      timestamp: '2026-12-01T09:59:10.000Z',
      originalTimestamp: '2026-12-01T09:59:00.000Z',
    },
    {
      rule: 'treats a library timestamp as the original time',
      input: { timestamp: '2026-12-01T09:59:00.000Z', sentAt: '2026-12-01T10:00:05.000Z' },
      timestamp: '2026-12-01T09:59:05.000Z',
      originalTimestamp: '2026-12-01T09:59:00.000Z',
    },
    {
      rule: 'keeps the original time when there is no sentAt',
      input: { timestamp: '2026-12-01T09:00:00+01:00' },
      timestamp: '2026-12-01T08:00:00.000Z',
      originalTimestamp: '2026-12-01T08:00:00.000Z',
    },
    {
      rule: 'uses the arrival time when the message has no event time',
      input: {},
      timestamp: '2026-12-01T10:00:10.000Z',
      originalTimestamp: undefined,
    },
  ])('$rule', ({ input, timestamp, originalTimestamp }) => {
    const result = normalizeTimestamps(message(input), arrivedAt);

    expect(result.receivedAt).toBe('2026-12-01T10:00:10.000Z');
    expect(result.timestamp).toBe(timestamp);
    expect(result.originalTimestamp).toBe(originalTimestamp);
  });

  it('uses the batch sentAt when the message has none', () => {
    const result = normalizeTimestamps(
      message({ timestamp: '2026-12-01T09:59:00.000Z' }),
      arrivedAt,
      '2026-12-01T10:00:00.000Z',
    );

    expect(result.timestamp).toBe('2026-12-01T09:59:10.000Z');
  });

  it('leaves a message that Segment already received untouched', () => {
    const relayed = message({
      timestamp: '2026-11-30T09:00:00.000Z',
      sentAt: '2026-11-30T09:10:00.000Z',
      receivedAt: '2026-11-30T09:10:00.412Z',
    });

    expect(normalizeTimestamps(relayed, arrivedAt)).toBe(relayed);
  });

  it('keeps the original time when the correction leaves the range of dates', () => {
    const result = normalizeTimestamps(
      message({ originalTimestamp: '+275760-09-13T00:00:00.000Z' }),
      arrivedAt,
      '-271821-04-20T00:00:00.000Z',
    );

    expect(result.timestamp).toBe('+275760-09-13T00:00:00.000Z');
  });

  it.each([
    ['an impossible day', '2026-02-30T00:00:00Z'],
    ['no offset, which would depend on the server time zone', '2026-11-30 09:00'],
    ['an RFC 2822 date', 'Mon, 30 Nov 2026 09:00:00 GMT'],
  ])('leaves %s to the mapper, untouched', (_case, timestamp) => {
    const result = normalizeTimestamps(
      message({ timestamp, sentAt: '2026-12-01T10:00:00.000Z' }),
      arrivedAt,
    );

    expect(result.timestamp).toBe(timestamp);
    expect(result.receivedAt).toBe('2026-12-01T10:00:10.000Z');
  });

  it('keeps an unparseable timestamp for the mapper to report', () => {
    const result = normalizeTimestamps(message({ timestamp: 'yesterday' }), arrivedAt);

    expect(result.timestamp).toBe('yesterday');
    expect(result.receivedAt).toBe('2026-12-01T10:00:10.000Z');
  });
});

describe('mergeBatchEnvelope', () => {
  it('fills context gaps from the batch and lets the message win key by key', () => {
    const merged = mergeBatchEnvelope(
      message({ context: { ip: '203.0.113.9', device: { id: 'own' } } }),
      {
        context: { ip: '198.51.100.1', library: { name: 'analytics-node' } },
        integrations: { All: true },
      },
    );

    expect(merged.context).toEqual({
      ip: '203.0.113.9',
      device: { id: 'own' },
      library: { name: 'analytics-node' },
    });
    expect(merged.integrations).toEqual({ All: true });
  });

  it('ignores a batch context that is not an object', () => {
    const merged = mergeBatchEnvelope(message({ context: { ip: '1' } }), { context: 'nope' });

    expect(merged.context).toEqual({ ip: '1' });
  });
});
