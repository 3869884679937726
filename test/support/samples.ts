import { readFileSync } from 'node:fs';
import path from 'node:path';

import { SegmentMessage } from '@sbi/segment';

/** The shared realistic Segment stream, beside the repository: `../shared/samples`. */
export const SAMPLE_FILE = path.resolve(__dirname, '../../../shared/samples/segment-events.jsonl');

export function readSamples(): SegmentMessage[] {
  return readFileSync(SAMPLE_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SegmentMessage);
}

/** The first sample with this messageId; throws when the sample file lacks it. */
export function sample(messageId: string): SegmentMessage {
  const found = readSamples().find((message) => message.messageId === messageId);

  if (!found) throw new Error(`no sample ${messageId}`);

  return found;
}

/** A complete track message, as a mobile SDK sends it, with overrides. */
export function trackMessage(overrides: Partial<SegmentMessage> = {}): SegmentMessage {
  return {
    type: 'track',
    messageId: `e2e-${Math.random().toString(36).slice(2)}`,
    userId: 'user-e2e',
    anonymousId: 'anon-e2e',
    event: 'Order Completed',
    properties: { order_id: 'o-1', revenue: 10, currency: 'USD' },
    context: {
      os: { name: 'iOS', version: '17.4' },
      device: { id: 'DEVICE-1', advertisingId: 'IDFA-1', adTrackingEnabled: true },
      library: { name: 'analytics-ios', version: '4.1.8' },
    },
    timestamp: '2026-11-30T09:00:00.000Z',
    ...overrides,
  };
}
