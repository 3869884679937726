import fc from 'fast-check';

import type { SegmentMessage } from '@sbi/segment';

import { resolveIdentity } from './identity.resolver';
import type { BranchUserData, PlatformSwitches } from './identity.types';

const IDENTIFIER_FIELDS: ReadonlyArray<keyof BranchUserData> = [
  'developer_identity',
  'idfa',
  'idfv',
  'aaid',
  'android_id',
  'browser_fingerprint_id',
];

/** Values that sit near the rules: real-looking ids, blanks, zeros and wrong types. */
const looseValue = fc.oneof(
  fc.constantFrom('', ' ', '\t', '00000000-0000-0000-0000-000000000000', 'abc', 'ABC', 'user-1'),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

const looseText = fc.oneof(
  fc.constantFrom('iOS', 'ipados', 'Android', 'analytics.js', 'analytics-node', 'Mozilla/5.0 x'),
  looseValue,
);

/** Segment-shaped objects whose every field may be missing, blank or of the wrong type. */
const segmentLike = fc.record(
  {
    type: fc.constantFrom('track', 'identify'),
    anonymousId: looseValue,
    userId: looseValue,
    properties: fc.oneof(fc.record({ browser_fingerprint_id: looseValue }), looseValue),
    context: fc.oneof(
      fc.record(
        {
          os: fc.oneof(fc.record({ name: looseText, version: looseValue }), looseValue),
          device: fc.oneof(
            fc.record(
              {
                id: looseValue,
                advertisingId: looseValue,
                adTrackingEnabled: looseValue,
                type: looseText,
                model: looseValue,
              },
              { requiredKeys: [] },
            ),
            looseValue,
          ),
          library: fc.record({ name: looseText }),
          userAgent: looseText,
          locale: looseValue,
          ip: looseValue,
          screen: fc.oneof(fc.record({ width: looseValue, density: looseValue }), looseValue),
        },
        { requiredKeys: [] },
      ),
      looseValue,
    ),
  },
  { requiredKeys: [] },
);

/** Makes the anonymousId collide with candidate identifiers often, not by luck. */
const withSharedAnonymousId = segmentLike.chain((message) =>
  fc.constantFrom(message, {
    ...message,
    anonymousId: typeof message.userId === 'string' ? message.userId : message.anonymousId,
  }),
);

const switches: fc.Arbitrary<PlatformSwitches> = fc.record({
  ios: fc.boolean(),
  android: fc.boolean(),
  web: fc.boolean(),
});

describe('resolveIdentity on arbitrary input', () => {
  it('never throws, and attributable user_data has no blanks and never the anonymousId', () => {
    fc.assert(
      fc.property(withSharedAnonymousId, switches, (raw, platforms) => {
        const message = raw as unknown as SegmentMessage;
        const result = resolveIdentity(message, { platforms });

        if (!result.attributable) {
          expect(result.detail).not.toBe('');

          return;
        }

        const anonymousId = describeAnonymousId(message.anonymousId);

        for (const value of Object.values(result.userData)) {
          expect(value).not.toBe('');
          expect(typeof value === 'string' ? value.trim() : value).toBe(value);
        }
        for (const field of IDENTIFIER_FIELDS) {
          const value = result.userData[field]?.toString().toLowerCase();

          expect(anonymousId === undefined || value !== anonymousId).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any JSON value at all', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => resolveIdentity(value as unknown as SegmentMessage)).not.toThrow();
      }),
    );
  });
});

/** The anonymousId as an identifier would spell it, lower-cased; `undefined` if it is none. */
function describeAnonymousId(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? String(value) : undefined;
  }

  return typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined;
}
