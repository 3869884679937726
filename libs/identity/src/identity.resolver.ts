import type { SegmentMessage } from '@sbi/segment';

import { detectPlatform } from './platform.detector';
import {
  ALL_PLATFORMS_ON,
  type BranchUserData,
  type DetectedPlatform,
  type IdentityResult,
  IdentitySkipReason,
  type Platform,
  type ResolveIdentityOptions,
} from './identity.types';
import { buildUserData } from './user-data.builder';

/** How each platform is named in `detail` sentences and reports. */
export const PLATFORM_LABELS: Readonly<Record<DetectedPlatform, string>> = {
  ios: 'iOS',
  android: 'Android',
  web: 'Web',
  unknown: 'Unknown-platform',
};

interface IdentityRequirement {
  reason: IdentitySkipReason;
  isMetBy: (userData: BranchUserData) => boolean;
  describe: (label: string) => string;
}

const APP_IDENTIFIER: IdentityRequirement = {
  reason: IdentitySkipReason.NoUserIdentifier,
  isMetBy: (u) => Boolean(u.developer_identity || u.idfa || u.idfv || u.aaid || u.android_id),
  describe: (label) =>
    `${label} event has no userId, advertisingId or device id to tie it to a user ` +
    '(anonymousId does not count).',
};

/**
 * What an attributable event must carry, per platform, checked in order; the first unmet one is
 * the skip reason. Web: Branch matches a browser by its fingerprint together with the user agent,
 * and the spec refuses logged-out web events outright, so the userId comes first.
 */
const REQUIREMENTS: Readonly<Record<Platform, readonly IdentityRequirement[]>> = {
  ios: [APP_IDENTIFIER],
  android: [APP_IDENTIFIER],
  web: [
    {
      reason: IdentitySkipReason.WebLoggedOut,
      isMetBy: (u) => u.developer_identity !== undefined,
      describe: () =>
        'Web event has no userId: logged-out web events are not attributed, ' +
        'even with an anonymousId.',
    },
    {
      reason: IdentitySkipReason.WebMissingFingerprint,
      isMetBy: (u) => u.browser_fingerprint_id !== undefined,
      describe: () =>
        'Web event has no properties.browser_fingerprint_id, ' +
        'which Branch needs to match the browser.',
    },
    {
      reason: IdentitySkipReason.WebMissingUserAgent,
      isMetBy: (u) => u.user_agent !== undefined,
      describe: () =>
        'Web event has no context.userAgent, ' +
        'which Branch needs together with the browser fingerprint.',
    },
  ],
};

/**
 * Decides whether a Segment message can be tied to a user, and builds its Branch `user_data`.
 * Steps, first failure wins: platform detected (else `unknown_platform`); platform switched on
 * in `options.platforms` (else `platform_disabled`); the platform's identity requirements (app:
 * `no_user_identifier`; web: `web_logged_out`, `web_missing_fingerprint`,
 * `web_missing_user_agent`). Looks at identity only, not at the message type or event name.
 * Never throws, whatever the input shape.
 */
export function resolveIdentity(
  message: SegmentMessage,
  options: ResolveIdentityOptions = {},
): IdentityResult {
  const platform = detectPlatform(message);

  if (platform === 'unknown') {
    return skip(platform, IdentitySkipReason.UnknownPlatform, describeUnknownPlatform());
  }
  if (isSwitchedOff(platform, options)) {
    const detail = `${PLATFORM_LABELS[platform]} import is switched off for this app.`;

    return skip(platform, IdentitySkipReason.PlatformDisabled, detail);
  }

  const userData = buildUserData(message, platform);
  const unmet = REQUIREMENTS[platform].find((requirement) => !requirement.isMetBy(userData));

  if (unmet) {
    return skip(platform, unmet.reason, unmet.describe(PLATFORM_LABELS[platform]));
  }

  return { attributable: true, platform, userData };
}

/** Only an explicit `false` switches a platform off: a partial record keeps the others on. */
function isSwitchedOff(platform: Platform, options: ResolveIdentityOptions): boolean {
  const switches = { ...ALL_PLATFORMS_ON, ...options.platforms };

  return switches[platform] === false;
}

function describeUnknownPlatform(): string {
  return (
    'Cannot tell the platform: no iOS or Android os name or device type, ' +
    'no app or browser library name and no recognised user agent.'
  );
}

function skip(
  platform: DetectedPlatform,
  reason: IdentitySkipReason,
  detail: string,
): IdentityResult {
  return { attributable: false, platform, reason, detail };
}
