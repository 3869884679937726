import fc from 'fast-check';

import { SINGLE_PRODUCT_KEYS } from './content-items.mapper';
import { EVENT_AMOUNT_FIELDS, EVENT_TEXT_FIELDS } from './event-data.mapper';
import { AUTO_TRACKED_EVENTS, STANDARD_EVENTS } from './event-name.table';
import type { BranchEvent, MappingResult } from './mapping.types';
import { buildTrack } from './testing/track-message.fixture';
import { mapSegmentMessage } from './track-event.mapper';

const RUNS = { numRuns: 400 };

const eventNames = fc.oneof(
  fc.constantFrom(...STANDARD_EVENTS.map((e) => e.segmentName)),
  fc.constantFrom(...STANDARD_EVENTS.map((e) => e.branchName)),
  fc.constantFrom(...AUTO_TRACKED_EVENTS.map((e) => e.segmentName)),
  fc.constantFrom('order completed', ' Product  Viewed ', 'Referral Sent', '', '  ', '🍣'),
  fc.string(),
  fc.jsonValue(),
);

const looseNumbers = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer().map(String),
  fc.constantFrom('128.00', ' 4.99 ', '1,299.00', 'abc', '', '-0', -0, '1e400', 1e308),
);

const times = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    '2026-11-30',
    '2026-11-30T09:00:00',
    '2026-11-30T09:00:00+05:30',
    'soon',
    '2026-02-30',
  ),
  fc.integer({ min: 0, max: 4e12 }),
  fc.jsonValue(),
);

const products = fc.array(
  fc.oneof(
    fc.record(
      {
        product_id: fc.oneof(fc.string(), fc.integer()),
        sku: fc.string(),
        name: fc.string(),
        price: looseNumbers,
        quantity: looseNumbers,
        category: fc.jsonValue(),
        extra: fc.jsonValue(),
      },
      { requiredKeys: [] },
    ),
    fc.jsonValue(),
  ),
  { maxLength: 6 },
);

const knownKeys = [
  ...EVENT_TEXT_FIELDS.map((f) => f.property),
  ...EVENT_AMOUNT_FIELDS.map((f) => f.property),
  ...SINGLE_PRODUCT_KEYS,
  'revenue',
  'total',
  'value',
  'discount',
  'currency',
  'products',
  'anonymousId',
  'browser_fingerprint_id',
  'customer_event_alias',
  '__proto__',
  'constructor',
];

const properties = fc.oneof(
  fc.constantFrom(undefined, null),
  fc.dictionary(
    fc.oneof(fc.constantFrom(...knownKeys), fc.string()),
    fc.oneof(looseNumbers, fc.constantFrom('usd', 'eur', 'XYZ', 'Euro'), products, fc.jsonValue()),
    { maxKeys: 12 },
  ),
);

const contexts = fc.constantFrom(
  { os: { name: 'iOS' }, device: { id: 'idfv' } },
  { os: { name: 'Android' }, device: { advertisingId: 'aaid' } },
  { library: { name: 'analytics.js' }, userAgent: 'Mozilla/5.0 (Windows NT 10.0)' },
  {},
  null,
);

/** Messages that are valid or nearly so, so that most reach the property mappers. */
const nearlyValidMessages = fc
  .record(
    {
      type: fc.constantFrom('track', 'track', 'track', 'Track', 'identify', 'delete'),
      event: eventNames,
      properties,
      context: contexts,
      userId: fc.oneof(fc.constant('user-1'), fc.jsonValue()),
      anonymousId: fc.jsonValue(),
      timestamp: times,
      receivedAt: times,
    },
    { requiredKeys: ['type', 'event', 'properties', 'context'] },
  )
  .map((overrides) => buildTrack({ ...overrides, receivedAt: overrides.receivedAt }));

const anyInput = fc.oneof(fc.jsonValue(), fc.object(), nearlyValidMessages, nearlyValidMessages);

/** True when the input property `key` shows up in the event or in a warning. */
function isKeyRepresented(
  key: string,
  value: unknown,
  event: BranchEvent,
  result: MappingResult,
): boolean {
  const destinations: Record<string, () => boolean> = {
    products: () => Array.isArray(value),
    revenue: () => event.event_data.revenue !== undefined,
    currency: () => event.event_data.currency !== undefined,
    browser_fingerprint_id: () => event.user_data.browser_fingerprint_id !== undefined,
    customer_event_alias: () => event.customer_event_alias !== undefined,
  };

  for (const { property, field } of [...EVENT_TEXT_FIELDS, ...EVENT_AMOUNT_FIELDS]) {
    destinations[property] = () => event.event_data[field] !== undefined;
  }

  const isSingleProductKey = SINGLE_PRODUCT_KEYS.includes(key) && event.content_items.length > 0;

  return (
    Object.hasOwn(event.custom_data, key) ||
    (Object.hasOwn(destinations, key) && destinations[key]()) ||
    isSingleProductKey ||
    result.warnings.some(
      (w) => w.field === `properties.${key}` || w.field.startsWith(`properties.${key}[`),
    )
  );
}

describe('mapSegmentMessage: properties over arbitrary input', () => {
  it('never throws and always gives a typed result', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = mapSegmentMessage(input);

        expect(typeof result.imported).toBe('boolean');
        expect(Array.isArray(result.warnings)).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives a JSON-serialisable result that survives a round trip unchanged', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = mapSegmentMessage(input);

        expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
      }),
      RUNS,
    );
  });

  it('writes only strings into custom_data and $custom_fields', () => {
    fc.assert(
      fc.property(nearlyValidMessages, (input) => {
        const result = mapSegmentMessage(input);

        if (!result.imported) {
          return;
        }

        const fields = result.event.content_items.flatMap((item) =>
          Object.values(item.$custom_fields ?? {}),
        );

        for (const value of [...Object.values(result.event.custom_data), ...fields]) {
          expect(typeof value).toBe('string');
        }
      }),
      RUNS,
    );
  });

  it('drops no input property without a warning', () => {
    fc.assert(
      fc.property(nearlyValidMessages, (input) => {
        const result = mapSegmentMessage(input);
        const inputProperties = (input.properties ?? {}) as Record<string, unknown>;

        if (!result.imported) {
          return;
        }
        for (const [key, value] of Object.entries(inputProperties)) {
          expect([key, isKeyRepresented(key, value, result.event, result)]).toEqual([key, true]);
        }
      }),
      RUNS,
    );
  });

  it('imports a good share of the nearly valid messages, so the checks above have teeth', () => {
    const results = fc
      .sample(nearlyValidMessages, { numRuns: 400, seed: 7 })
      .map((m) => mapSegmentMessage(m));

    expect(results.filter((r) => r.imported).length).toBeGreaterThan(40);
  });
});
