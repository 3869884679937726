import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { MappingResult } from './mapping.types';
import { mapSegmentMessage } from './track-event.mapper';

// The shared samples folder sits beside the repository (../shared), in CI as on a laptop.
const SAMPLE_PATH = resolve(__dirname, '../../../../shared/samples/segment-events.jsonl');

/** Maps the shared sample stream once; results keyed by line, each with its input message. */
function mapSample(): Array<{ message: Record<string, unknown>; result: MappingResult }> {
  return readFileSync(SAMPLE_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .map((message) => ({ message, result: mapSegmentMessage(message) }));
}

function find(
  results: ReturnType<typeof mapSample>,
  isWanted: (message: Record<string, unknown>) => boolean,
): MappingResult {
  const found = results.find(({ message }) => isWanted(message));

  if (!found) {
    throw new Error('sample message not found');
  }

  return found.result;
}

const osOf = (message: Record<string, unknown>): unknown =>
  (message.context as { os?: { name?: unknown } } | undefined)?.os?.name;

describe('mapSegmentMessage over the shared sample stream', () => {
  const results = mapSample();

  it('maps the iOS Order Completed to a PURCHASE with its products and revenue', () => {
    const result = find(results, (m) => m.event === 'Order Completed' && osOf(m) === 'iOS');

    expect(result).toMatchObject({
      imported: true,
      platform: 'ios',
      event: {
        name: 'PURCHASE',
        category: 'commerce',
        timestamp: '2026-11-30T09:04:56.000Z',
        event_data: {
          transaction_id: 'ord-50001',
          revenue: 39.5,
          currency: 'USD',
          shipping: 4.99,
          tax: 3.2,
          coupon: 'SUMMER10',
          affiliation: 'App Store',
        },
        content_items: [{ $sku: 'TS-BLU-M', $canonical_identifier: 'sku-1042', $price: 39.5 }],
        custom_data: { checkout_id: 'chk-1', total: '47.69', subtotal: '39.5', discount: '0' },
      },
      warnings: [],
    });
  });

  it('reads the Android order sent with string amounts and a lower-case currency', () => {
    const result = find(results, (m) => m.event === 'Order Completed' && osOf(m) === 'Android');

    expect(result).toMatchObject({
      imported: true,
      event: { event_data: { revenue: 128, currency: 'EUR' }, content_items: [{ $quantity: 2 }] },
    });
  });

  it('maps the "order completed" variant to PURCHASE, keeping the spelling as alias', () => {
    expect(find(results, (m) => m.event === 'order completed')).toMatchObject({
      imported: true,
      event: { name: 'PURCHASE', customer_event_alias: 'order completed' },
    });
  });

  it('imports Referral Sent as a custom event with string custom_data', () => {
    expect(find(results, (m) => m.event === 'Referral Sent')).toMatchObject({
      imported: true,
      event: {
        name: 'Referral Sent',
        category: 'custom',
        custom_data: { channel: 'sms', invitees: '3', premium: 'true', tags: '["summer","promo"]' },
      },
    });
  });

  it('skips Deep Link Opened as auto-tracked by Branch', () => {
    expect(find(results, (m) => m.event === 'Deep Link Opened')).toMatchObject({
      imported: false,
      reason: 'auto_tracked_by_branch',
    });
  });

  it('skips identify as not a track event', () => {
    expect(find(results, (m) => m.type === 'identify')).toMatchObject({
      imported: false,
      reason: 'not_a_track_event',
    });
  });

  it('keeps the sushi product name with its emoji', () => {
    const result = find(
      results,
      (m) => (m.properties as { order_id?: string })?.order_id === 'ord-50007',
    );

    expect(result).toMatchObject({
      event: { content_items: [{ $product_name: 'お寿司セット 🍣', $sku: '寿司-1' }] },
    });
  });

  it('gives the expected outcome counts for the whole stream', () => {
    const counts: Record<string, number> = {};

    for (const { result } of results) {
      const key = result.imported ? 'imported' : result.reason;

      counts[key] = (counts[key] ?? 0) + 1;
    }

    expect(counts).toEqual({
      imported: 23,
      auto_tracked_by_branch: 5,
      not_a_track_event: 3,
      web_logged_out: 1,
      web_missing_fingerprint: 1,
      unknown_platform: 1,
    });
  });
});
