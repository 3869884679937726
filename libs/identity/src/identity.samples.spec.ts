import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { SegmentMessage } from '@sbi/segment';

import { resolveIdentity } from './identity.resolver';
import type { DetectedPlatform, IdentitySkipReason } from './identity.types';

const SAMPLE_PATH = resolve(__dirname, '../../../../shared/samples/segment-events.jsonl');

type Outcome = 'attributable' | IdentitySkipReason;

/**
 * Expected identity of every track message of the shared sample stream, in file order. Identity
 * ignores event names, so auto-tracked events (Deep Link Opened, ...) are attributable here;
 * skipping them is libs/mapping's job.
 */
const EXPECTED: ReadonlyArray<[event: string, platform: DetectedPlatform, outcome: Outcome]> = [
  ['Products Searched', 'ios', 'attributable'],
  ['Product List Viewed', 'ios', 'attributable'],
  ['Product Viewed', 'ios', 'attributable'],
  ['Product Added', 'ios', 'attributable'],
  ['Product Added to Wishlist', 'ios', 'attributable'],
  ['Cart Viewed', 'ios', 'attributable'],
  ['Checkout Started', 'ios', 'attributable'],
  ['Payment Info Entered', 'ios', 'attributable'],
  ['Order Completed', 'ios', 'attributable'],
  ['Order Completed', 'android', 'attributable'],
  ['Product Reviewed', 'android', 'attributable'],
  ['Product Shared', 'android', 'attributable'],
  ['Spend Credits', 'android', 'attributable'],
  ['Complete Registration', 'android', 'attributable'],
  ['Complete Tutorial', 'android', 'attributable'],
  // No userId, but the advertising id and device id tie it to the device.
  ['Achieve Level', 'android', 'attributable'],
  ['Unlock Achievement', 'ios', 'attributable'],
  ['Referral Sent', 'ios', 'attributable'],
  ['Order Completed', 'web', 'attributable'],
  ['Newsletter Subscribed', 'web', 'attributable'],
  ['Order Completed', 'web', 'web_logged_out'],
  ['Product Added', 'web', 'web_missing_fingerprint'],
  ['Deep Link Opened', 'ios', 'attributable'],
  ['Install Attributed', 'android', 'attributable'],
  ['Application Opened', 'ios', 'attributable'],
  ['Push Notification Tapped', 'android', 'attributable'],
  ['Application Backgrounded', 'ios', 'attributable'],
  // analytics-node with no device, os or user agent: channel "mobile" does not make it an app.
  ['Order Completed', 'unknown', 'unknown_platform'],
  ['order completed', 'android', 'attributable'],
  ['Checkout Started', 'ios', 'attributable'],
  ['Order Completed', 'ios', 'attributable'],
];

function readSampleTracks(): SegmentMessage[] {
  return readFileSync(SAMPLE_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SegmentMessage)
    .filter((message) => message.type === 'track');
}

describe('resolveIdentity over the shared sample stream', () => {
  const tracks = readSampleTracks();

  it('has an expectation for every track message', () => {
    expect(tracks.map((message) => message.event)).toEqual(EXPECTED.map(([event]) => event));
  });

  it.each(EXPECTED.map((expected, index) => [index, ...expected] as const))(
    'track #%i %j is %s and %s',
    (index, _event, platform, outcome) => {
      const result = resolveIdentity(tracks[index]);

      expect(result.platform).toBe(platform);
      expect(result.attributable ? 'attributable' : result.reason).toBe(outcome);
    },
  );

  it('never puts the anonymousId in user_data', () => {
    for (const message of tracks) {
      const result = resolveIdentity(message);
      const values = result.attributable ? Object.values(result.userData) : [];

      expect(values).not.toContain(message.anonymousId);
    }
  });
});
