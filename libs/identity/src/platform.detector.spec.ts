import type { SegmentMessage } from '@sbi/segment';

import { detectPlatform } from './platform.detector';
import {
  buildAndroidTrack,
  buildIosTrack,
  buildServerTrack,
  buildWebTrack,
  SAFARI_MAC_UA,
} from './testing/segment-message.fixture';

const serverWithContext = (context: Record<string, unknown>): SegmentMessage =>
  buildServerTrack({ context: { library: undefined, ...context } });

describe('detectPlatform', () => {
  it.each([
    ['iOS', 'ios'],
    ['ios', 'ios'],
    ['IOS', 'ios'],
    ['  iOS  ', 'ios'],
    ['iPadOS', 'ios'],
    ['iPhone OS', 'ios'],
    ['tvOS', 'ios'],
    ['Android', 'android'],
    ['android', 'android'],
    ['ANDROID', 'android'],
  ])('reads os name %j as %s', (osName, expected) => {
    expect(detectPlatform(serverWithContext({ os: { name: osName } }))).toBe(expected);
  });

  it.each([
    ['ios', 'ios'],
    ['Android', 'android'],
  ])('reads device type %j as %s when there is no os name', (deviceType, expected) => {
    expect(detectPlatform(serverWithContext({ device: { type: deviceType } }))).toBe(expected);
  });

  it.each([
    ['analytics-ios', 'ios'],
    ['analytics-swift', 'ios'],
    ['analytics-android', 'android'],
    ['analytics-kotlin', 'android'],
    ['analytics.js', 'web'],
    ['Analytics.JS', 'web'],
    ['analytics-next', 'web'],
    ['@segment/analytics-next', 'web'],
  ])('reads library %j as %s when there is no os name or device type', (name, expected) => {
    expect(detectPlatform(serverWithContext({ library: { name } }))).toBe(expected);
  });

  it.each([
    [SAFARI_MAC_UA, 'web'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8; wv) AppleWebKit/537.36 Chrome/120.0', 'web'],
    ['Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/UD1A)', 'android'],
    ['curl/8.5.0', 'unknown'],
  ])('falls back to the user agent %j => %s', (userAgent, expected) => {
    expect(detectPlatform(buildServerTrack({ context: { userAgent } }))).toBe(expected);
  });

  it('prefers the os name over a conflicting device type and library', () => {
    const message = buildIosTrack({ context: { os: { name: 'Android' } } });

    expect(detectPlatform(message)).toBe('android');
  });

  it('prefers the device type over the library', () => {
    const message = buildWebTrack({ context: { device: { type: 'ios' } } });

    expect(detectPlatform(message)).toBe('ios');
  });

  it('prefers the library over the user agent', () => {
    const message = buildAndroidTrack({
      context: { os: undefined, device: { type: undefined }, userAgent: SAFARI_MAC_UA },
    });

    expect(detectPlatform(message)).toBe('android');
  });

  it('falls through an os name that is no app OS (a desktop name) to the library', () => {
    const message = buildWebTrack({ context: { os: { name: 'Mac OS X' } } });

    expect(detectPlatform(message)).toBe('web');
  });

  it('returns unknown for a server library without device, os or user agent', () => {
    expect(detectPlatform(buildServerTrack())).toBe('unknown');
  });

  it('ignores the channel field, which server libraries fill freely', () => {
    expect(detectPlatform(buildServerTrack({ channel: 'mobile' }))).toBe('unknown');
  });

  it('detects a server-sent event that carries app device info', () => {
    const message = buildServerTrack({ context: { os: { name: 'Android', version: '14' } } });

    expect(detectPlatform(message)).toBe('android');
  });

  it('does not treat cross-platform libraries as a platform', () => {
    const message = serverWithContext({ library: { name: 'analytics-react-native' } });

    expect(detectPlatform(message)).toBe('unknown');
  });

  it.each([
    ['no context', {}],
    ['a null context', { context: null }],
    ['a string context', { context: 'ios' }],
    ['a numeric os name', { context: { os: { name: 7 } } }],
    ['a prototype key as library name', { context: { library: { name: 'constructor' } } }],
  ])('returns unknown for %s', (_label, message) => {
    expect(detectPlatform(message as unknown as SegmentMessage)).toBe('unknown');
  });
});
