import type { SegmentMessage } from '@sbi/segment';

/**
 * Complete Segment track messages per sender, shaped like the sample stream, for identity tests.
 * Overrides merge deeply; an override of `undefined` removes the field, so a test states only
 * what it changes: `buildIosTrack({ userId: undefined, context: { device: { id: ' ' } } })`.
 */
export type MessageOverrides = Record<string, unknown>;

export const IOS_ANONYMOUS_ID = '212522f1-7307-47df-afa3-cb6e30a5d8d2';
export const ALL_ZERO_AD_ID = '00000000-0000-0000-0000-000000000000';
export const SAFARI_MAC_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 ' +
  '(KHTML, like Gecko) Version/17.4 Safari/605.1.15';

const IOS_TRACK: SegmentMessage = {
  type: 'track',
  messageId: 'ios-1',
  anonymousId: IOS_ANONYMOUS_ID,
  userId: 'user-1001',
  event: 'Order Completed',
  properties: { order_id: 'ord-1' },
  context: {
    app: { name: 'Shoply', version: '5.2.1', build: '5210' },
    device: {
      id: '78009B17-4AD8-45ED-A999-C73CEBE48F0F',
      advertisingId: '9289941F-8A42-40FD-AC05-F11FAB6BC867',
      adTrackingEnabled: true,
      manufacturer: 'Apple',
      model: 'iPhone15,2',
      type: 'ios',
    },
    os: { name: 'iOS', version: '17.4' },
    library: { name: 'analytics-ios', version: '4.1.8' },
    locale: 'en-US',
    ip: '203.0.113.10',
    screen: { width: 393, height: 852 },
  },
};

const ANDROID_TRACK: SegmentMessage = {
  type: 'track',
  messageId: 'android-1',
  anonymousId: '86753dee-b2b5-413d-aa88-469b1ba5da91',
  userId: 'user-2002',
  event: 'Order Completed',
  properties: { order_id: 'ord-2' },
  context: {
    app: { name: 'Shoply', version: '5.2.0', build: '520' },
    device: {
      id: 'f2aee81c67e9e6a3',
      advertisingId: '8ac1bf07-9a73-4265-a4c5-1a4227a1fb20',
      adTrackingEnabled: true,
      manufacturer: 'Google',
      model: 'Pixel 8',
      type: 'android',
    },
    os: { name: 'Android', version: '14' },
    library: { name: 'analytics-android', version: '4.11.3' },
    locale: 'de-DE',
    ip: '198.51.100.10',
    screen: { width: 1080, height: 2400, density: 2.625 },
  },
};

const WEB_TRACK: SegmentMessage = {
  type: 'track',
  messageId: 'web-1',
  anonymousId: '426b986d-c06f-4889-a101-878fb1101f44',
  userId: 'user-3003',
  event: 'Order Completed',
  properties: { order_id: 'ord-3', browser_fingerprint_id: '1198237459125732186' },
  context: {
    library: { name: 'analytics.js', version: 'npm:next-1.70.0' },
    userAgent: SAFARI_MAC_UA,
    locale: 'en-GB',
    ip: '192.0.2.10',
  },
};

const SERVER_TRACK: SegmentMessage = {
  type: 'track',
  messageId: 'node-1',
  anonymousId: '8514b5b8-012b-4854-a865-ad68e035967c',
  userId: 'user-4004',
  event: 'Order Completed',
  properties: { order_id: 'ord-4' },
  context: { library: { name: 'analytics-node', version: '3.1.0' } },
  channel: 'mobile',
};

export const buildIosTrack = (overrides: MessageOverrides = {}): SegmentMessage =>
  mergeOverrides(IOS_TRACK, overrides);

export const buildAndroidTrack = (overrides: MessageOverrides = {}): SegmentMessage =>
  mergeOverrides(ANDROID_TRACK, overrides);

export const buildWebTrack = (overrides: MessageOverrides = {}): SegmentMessage =>
  mergeOverrides(WEB_TRACK, overrides);

export const buildServerTrack = (overrides: MessageOverrides = {}): SegmentMessage =>
  mergeOverrides(SERVER_TRACK, overrides);

function mergeOverrides<T extends object>(base: T, overrides: MessageOverrides): T {
  const merged: Record<string, unknown> = structuredClone(base) as Record<string, unknown>;

  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) {
      delete merged[key];
    } else if (isPlainObject(value) && isPlainObject(merged[key])) {
      merged[key] = mergeOverrides(merged[key] as object, value);
    } else {
      merged[key] = value;
    }
  }

  return merged as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
