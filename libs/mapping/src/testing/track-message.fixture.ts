/**
 * A complete iOS track message shaped like the sample stream, for mapping tests. Top-level
 * overrides replace fields (an override of `undefined` removes the field); `properties` replaces
 * the properties object as a whole, so a test states exactly the properties it maps.
 */
export function buildTrack(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const message: Record<string, unknown> = {
    type: 'track',
    messageId: 'msg-1',
    anonymousId: 'anon-1',
    userId: 'user-1001',
    event: 'Order Completed',
    properties: {},
    context: {
      device: { id: 'IDFV-1', advertisingId: 'IDFA-1', type: 'ios' },
      os: { name: 'iOS', version: '17.4' },
      library: { name: 'analytics-ios', version: '4.1.8' },
    },
    timestamp: '2026-11-30T09:00:00.000Z',
    receivedAt: '2026-11-30T09:00:00.412Z',
    ...overrides,
  };

  for (const key of Object.keys(overrides)) {
    if (overrides[key] === undefined) {
      delete message[key];
    }
  }

  return message;
}

/** A web track message that identity attributes (userId, fingerprint and user agent). */
export function buildWebTrack(properties: Record<string, unknown> = {}): Record<string, unknown> {
  return buildTrack({
    properties: { browser_fingerprint_id: 'fp-1', ...properties },
    context: {
      library: { name: 'analytics.js', version: 'next-1.70.0' },
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15',
    },
  });
}
