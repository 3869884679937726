import type { SegmentMessage } from '@sbi/segment';

import { buildUserData, isAllZeroAdvertisingId } from './user-data.builder';
import {
  ALL_ZERO_AD_ID,
  buildAndroidTrack,
  buildIosTrack,
  buildServerTrack,
  buildWebTrack,
  IOS_ANONYMOUS_ID,
  SAFARI_MAC_UA,
} from './testing/segment-message.fixture';

describe('buildUserData', () => {
  it('maps every iOS field, ids to idfa/idfv', () => {
    expect(buildUserData(buildIosTrack(), 'ios')).toEqual({
      developer_identity: 'user-1001',
      idfa: '9289941F-8A42-40FD-AC05-F11FAB6BC867',
      idfv: '78009B17-4AD8-45ED-A999-C73CEBE48F0F',
      limit_ad_tracking: false,
      os: 'iOS',
      os_version: '17.4',
      app_version: '5.2.1',
      model: 'iPhone15,2',
      brand: 'Apple',
      screen_width: 393,
      screen_height: 852,
      language: 'en',
      country: 'US',
      ip: '203.0.113.10',
    });
  });

  it('maps every Android field, ids to aaid/android_id and density to dpi', () => {
    expect(buildUserData(buildAndroidTrack(), 'android')).toEqual({
      developer_identity: 'user-2002',
      aaid: '8ac1bf07-9a73-4265-a4c5-1a4227a1fb20',
      android_id: 'f2aee81c67e9e6a3',
      limit_ad_tracking: false,
      os: 'Android',
      os_version: '14',
      app_version: '5.2.0',
      model: 'Pixel 8',
      brand: 'Google',
      screen_width: 1080,
      screen_height: 2400,
      screen_dpi: 420,
      language: 'de',
      country: 'DE',
      ip: '198.51.100.10',
    });
  });

  it('maps a web event to fingerprint, user agent and the OS named by the user agent', () => {
    expect(buildUserData(buildWebTrack(), 'web')).toEqual({
      developer_identity: 'user-3003',
      browser_fingerprint_id: '1198237459125732186',
      user_agent: SAFARI_MAC_UA,
      os: 'MAC_OS',
      language: 'en',
      country: 'GB',
      ip: '192.0.2.10',
    });
  });

  it('maps no device ids and no fingerprint for an unknown platform', () => {
    const message = buildServerTrack({
      properties: { browser_fingerprint_id: '123' },
      context: { device: { id: 'dev-1', advertisingId: 'ad-1' }, ip: '192.0.2.1' },
    });

    expect(buildUserData(message, 'unknown')).toEqual({
      developer_identity: 'user-4004',
      ip: '192.0.2.1',
    });
  });

  it.each(['idfa', 'aaid', 'idfv', 'android_id'])('maps no %s on the web', (field) => {
    const message = buildWebTrack({ context: { device: { id: 'dev-1', advertisingId: 'ad-1' } } });

    expect(buildUserData(message, 'web')).not.toHaveProperty(field);
  });

  it('normalises the os to Branch spelling whatever the sender wrote', () => {
    const ipad = buildIosTrack({ context: { os: { name: 'iPadOS' } } });
    const android = buildAndroidTrack({ context: { os: { name: ' android ' } } });

    expect(buildUserData(ipad, 'ios').os).toBe('iOS');
    expect(buildUserData(android, 'android').os).toBe('Android');
  });

  it.each([
    ['ios', buildIosTrack, 'idfa'],
    ['android', buildAndroidTrack, 'aaid'],
  ] as const)(
    'drops an all-zero %s advertising id and marks ad tracking limited',
    (platform, build, field) => {
      const message = build({ context: { device: { advertisingId: ALL_ZERO_AD_ID } } });
      const userData = buildUserData(message, platform);

      expect(userData).not.toHaveProperty(field);
      expect(userData.limit_ad_tracking).toBe(true);
    },
  );

  it.each([
    [true, false],
    [false, true],
    ['false', undefined],
    [undefined, undefined],
  ])('reads adTrackingEnabled %j as limit_ad_tracking %j', (adTrackingEnabled, expected) => {
    const message = buildIosTrack({ context: { device: { adTrackingEnabled } } });

    expect(buildUserData(message, 'ios').limit_ad_tracking).toBe(expected);
  });

  it.each([
    ['trims a padded userId', '  user-9  ', 'user-9'],
    ['drops an empty userId', '', undefined],
    ['drops a whitespace-only userId', '   ', undefined],
    ['stringifies a numeric userId', 1001, '1001'],
    ['drops a fractional userId', 10.5, undefined],
    ['drops a boolean userId', true, undefined],
    ['drops an object userId', { id: 'u' }, undefined],
    ['drops a null userId', null, undefined],
  ])('%s', (_label, userId, expected) => {
    expect(buildUserData(buildIosTrack({ userId }), 'ios').developer_identity).toBe(expected);
  });

  it('drops any identifier that repeats the anonymousId, whatever its case', () => {
    const message = buildIosTrack({
      userId: IOS_ANONYMOUS_ID,
      context: { device: { id: IOS_ANONYMOUS_ID.toUpperCase(), advertisingId: IOS_ANONYMOUS_ID } },
    });
    const userData = buildUserData(message, 'ios');

    expect(userData).not.toHaveProperty('developer_identity');
    expect(userData).not.toHaveProperty('idfv');
    expect(userData).not.toHaveProperty('idfa');
  });

  it('drops a web fingerprint that repeats the anonymousId', () => {
    const message = buildWebTrack({
      anonymousId: 'abc',
      properties: { browser_fingerprint_id: 'abc' },
    });

    expect(buildUserData(message, 'web')).not.toHaveProperty('browser_fingerprint_id');
  });

  it.each([
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15', 'iOS'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0', 'Android'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0', 'WINDOWS'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0', 'LINUX'],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36', undefined],
  ])('reads the web os from user agent %j as %j', (userAgent, expected) => {
    expect(buildUserData(buildWebTrack({ context: { userAgent } }), 'web').os).toBe(expected);
  });

  it.each([
    ['en-US', 'en', 'US'],
    ['de_DE', 'de', 'DE'],
    ['FR-fr', 'fr', 'FR'],
    ['fr', 'fr', undefined],
    ['zh-Hant-TW', 'zh', undefined],
    ['es-419', 'es', undefined],
    ['C', undefined, undefined],
    ['', undefined, undefined],
  ])('splits locale %j into language %j and country %j', (locale, language, country) => {
    const userData = buildUserData(buildIosTrack({ context: { locale } }), 'ios');

    expect(userData.language).toBe(language);
    expect(userData.country).toBe(country);
  });

  it.each([
    [2.625, 420],
    [3, 480],
    [480, 480],
    [0, undefined],
    ['2.0', undefined],
  ])('turns Android screen density %j into screen_dpi %j', (density, expected) => {
    const message = buildAndroidTrack({ context: { screen: { density } } });

    expect(buildUserData(message, 'android').screen_dpi).toBe(expected);
  });

  it('leaves screen_dpi out on iOS, where density is a scale with no fixed baseline', () => {
    const message = buildIosTrack({ context: { screen: { density: 3 } } });

    expect(buildUserData(message, 'ios')).not.toHaveProperty('screen_dpi');
  });

  it('never throws on a message without a context', () => {
    const message = { type: 'track', messageId: 'm', userId: 'u' } as SegmentMessage;

    expect(buildUserData(message, 'ios')).toEqual({ developer_identity: 'u', os: 'iOS' });
  });
});

describe('isAllZeroAdvertisingId', () => {
  it.each([
    [ALL_ZERO_AD_ID, true],
    ['00000000000000000000000000000000', true],
    [`  ${ALL_ZERO_AD_ID} `, true],
    ['0', true],
    ['00000000-0000-0000-0000-000000000001', false],
    ['9289941F-8A42-40FD-AC05-F11FAB6BC867', false],
    ['----', false],
    ['', false],
    [0, true],
    [undefined, false],
  ])('answers %j => %s', (id, expected) => {
    expect(isAllZeroAdvertisingId(id)).toBe(expected);
  });
});
