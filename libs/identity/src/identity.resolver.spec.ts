import type { SegmentMessage } from '@sbi/segment';

import { resolveIdentity } from './identity.resolver';
import { IdentitySkipReason, type PlatformSwitches } from './identity.types';
import {
  ALL_ZERO_AD_ID,
  buildAndroidTrack,
  buildIosTrack,
  buildServerTrack,
  buildWebTrack,
  type MessageOverrides,
} from './testing/segment-message.fixture';

const reasonOf = (message: SegmentMessage, switches?: PlatformSwitches): string | undefined => {
  const result = resolveIdentity(message, { platforms: switches });

  return result.attributable ? undefined : result.reason;
};

/** Overrides keeping each app identifier (its real value) or removing it. */
const withAppIds = (hasUserId: boolean, hasAdId: boolean, hasDeviceId: boolean) => ({
  anonymousId: 'anon-7',
  ...(hasUserId ? {} : { userId: undefined }),
  context: {
    device: {
      ...(hasAdId ? {} : { advertisingId: undefined }),
      ...(hasDeviceId ? {} : { id: undefined }),
    },
  },
});

/** Overrides leaving the given values as the only candidate identifiers. */
const withOnly = (userId: unknown, advertisingId: unknown, id: unknown): MessageOverrides => ({
  anonymousId: 'anon-7',
  userId,
  context: { device: { advertisingId, id } },
});

const ID_COMBINATIONS = [true, false].flatMap((u) =>
  [true, false].flatMap((a) => [true, false].map((d) => [u, a, d] as const)),
);

describe('resolveIdentity', () => {
  describe.each([
    ['ios', buildIosTrack],
    ['android', buildAndroidTrack],
  ] as const)('%s app events', (platform, build) => {
    it.each(ID_COMBINATIONS)(
      'with userId=%s advertisingId=%s deviceId=%s is attributable iff one is present',
      (hasUserId, hasAdId, hasDeviceId) => {
        const result = resolveIdentity(build(withAppIds(hasUserId, hasAdId, hasDeviceId)));
        const isExpected = hasUserId || hasAdId || hasDeviceId;

        expect(result.platform).toBe(platform);
        expect(result.attributable).toBe(isExpected);
        if (!result.attributable) {
          expect(result.reason).toBe(IdentitySkipReason.NoUserIdentifier);
        }
      },
    );

    it.each<[string, MessageOverrides]>([
      ['only an all-zero advertising id', withOnly(undefined, ALL_ZERO_AD_ID, undefined)],
      ['only empty strings', withOnly('', '', '')],
      ['only whitespace ids', withOnly('  ', ' ', '\t')],
      ['only an anonymousId', withOnly(undefined, undefined, undefined)],
      ['a device id equal to the anonymousId', withOnly(undefined, undefined, 'anon-7')],
      ['a userId equal to the anonymousId', withOnly('ANON-7', undefined, undefined)],
      ['non-string ids', withOnly(true, {}, [1])],
      ['a fractional numeric id', withOnly(1.5, undefined, undefined)],
    ])('skips with no_user_identifier when it has %s', (_label, overrides) => {
      expect(reasonOf(build(overrides))).toBe(IdentitySkipReason.NoUserIdentifier);
    });

    it('attributes with a numeric userId', () => {
      const result = resolveIdentity(build({ ...withAppIds(false, false, false), userId: 42 }));

      expect(result).toMatchObject({ attributable: true, userData: { developer_identity: '42' } });
    });

    it('skips with platform_disabled when its switch is off', () => {
      const switches = { ios: true, android: true, web: true, [platform]: false };

      expect(reasonOf(build(), switches)).toBe(IdentitySkipReason.PlatformDisabled);
    });
  });

  it('returns the user_data when attributable', () => {
    expect(resolveIdentity(buildIosTrack())).toMatchObject({
      attributable: true,
      platform: 'ios',
      userData: { developer_identity: 'user-1001', idfa: expect.any(String), os: 'iOS' },
    });
  });

  it('attributes a logged-in web event with fingerprint and user agent', () => {
    expect(resolveIdentity(buildWebTrack())).toMatchObject({ attributable: true, platform: 'web' });
  });

  it('skips a web event that has no userId, even with an anonymousId', () => {
    const message = buildWebTrack({ userId: undefined });

    expect(message.anonymousId).toBeTruthy();
    expect(reasonOf(message)).toBe(IdentitySkipReason.WebLoggedOut);
  });

  it('skips a web event that has no browser_fingerprint_id', () => {
    const message = buildWebTrack({ properties: { browser_fingerprint_id: undefined } });

    expect(reasonOf(message)).toBe(IdentitySkipReason.WebMissingFingerprint);
  });

  it('skips a web event whose fingerprint arrived as a rounded number', () => {
    const fingerprint = 2 ** 60;
    const message = buildWebTrack({ properties: { browser_fingerprint_id: fingerprint } });

    expect(reasonOf(message)).toBe(IdentitySkipReason.WebMissingFingerprint);
  });

  it('skips a web event that has no userAgent', () => {
    const message = buildWebTrack({ context: { userAgent: '  ' } });

    expect(reasonOf(message)).toBe(IdentitySkipReason.WebMissingUserAgent);
  });

  it.each<[string, MessageOverrides, IdentitySkipReason]>([
    [
      'logged out beats missing fingerprint',
      { userId: undefined, properties: { browser_fingerprint_id: undefined } },
      IdentitySkipReason.WebLoggedOut,
    ],
    [
      'missing fingerprint beats missing user agent',
      { properties: { browser_fingerprint_id: undefined }, context: { userAgent: undefined } },
      IdentitySkipReason.WebMissingFingerprint,
    ],
  ])('orders web reasons: %s', (_label, overrides, expected) => {
    expect(reasonOf(buildWebTrack(overrides))).toBe(expected);
  });

  it('skips a web event with platform_disabled before looking at its identity', () => {
    const message = buildWebTrack({ userId: undefined });

    expect(reasonOf(message, { ios: true, android: true, web: false })).toBe(
      IdentitySkipReason.PlatformDisabled,
    );
  });

  it('keeps other platforms on when only one switch is off', () => {
    const switches = { ios: true, android: true, web: false };

    expect(resolveIdentity(buildAndroidTrack(), { platforms: switches }).attributable).toBe(true);
  });

  it('treats a missing switch as on', () => {
    const switches = { web: false } as unknown as PlatformSwitches;

    expect(resolveIdentity(buildIosTrack(), { platforms: switches }).attributable).toBe(true);
  });

  it('skips a server-side analytics-node event with unknown_platform', () => {
    expect(resolveIdentity(buildServerTrack())).toMatchObject({
      attributable: false,
      platform: 'unknown',
      reason: IdentitySkipReason.UnknownPlatform,
    });
  });

  it('skips an unknown platform even when every platform is switched off', () => {
    const switches = { ios: false, android: false, web: false };

    expect(reasonOf(buildServerTrack(), switches)).toBe(IdentitySkipReason.UnknownPlatform);
  });

  it.each<[string, SegmentMessage]>([
    ['no_user_identifier', buildIosTrack(withAppIds(false, false, false))],
    ['platform_disabled', buildIosTrack()],
    ['unknown_platform', buildServerTrack()],
    ['web_logged_out', buildWebTrack({ userId: undefined })],
    ['web_missing_fingerprint', buildWebTrack({ properties: { browser_fingerprint_id: '' } })],
    ['web_missing_user_agent', buildWebTrack({ context: { userAgent: undefined } })],
  ])('explains %s in one sentence', (reason, message) => {
    const result = resolveIdentity(message, {
      platforms: { ios: reason !== 'platform_disabled', android: true, web: true },
    });

    expect(result).toMatchObject({ attributable: false, reason });
    const detail = result.attributable ? '' : result.detail;

    expect(detail).toMatch(/^[A-Za-z][^\n]*\.$/);
    expect(detail.match(/\.(\s|$)/g)).toHaveLength(1);
  });
});
