import type { SegmentMessage } from '@sbi/segment';

import { readRecord, readText } from './field-readers.util';
import type { DetectedPlatform, Platform } from './identity.types';

/**
 * App operating systems by lower-cased name, used for both `context.os.name` and
 * `context.device.type` (Segment's mobile SDKs put `ios` / `android` in the latter). tvOS counts
 * as iOS because Branch's iOS SDK, and so its idfa/idfv fields, covers tvOS apps too.
 */
const APP_OS_NAMES: Readonly<Record<string, Platform>> = {
  ios: 'ios',
  ipados: 'ios',
  'iphone os': 'ios',
  tvos: 'ios',
  android: 'android',
};

/**
 * Segment libraries that only ever run on one platform, by lower-cased `context.library.name`.
 * Cross-platform libraries (analytics-react-native, analytics-flutter) are absent on purpose:
 * their name says nothing about the device, and they set `context.os.name` anyway. Server
 * libraries (analytics-node, analytics-python, ...) are absent because a server is no platform.
 */
const LIBRARY_PLATFORMS: Readonly<Record<string, Platform>> = {
  'analytics-ios': 'ios',
  'analytics-swift': 'ios',
  'analytics-android': 'android',
  'analytics-kotlin': 'android',
  'analytics.js': 'web',
  'analytics-next': 'web',
  '@segment/analytics-next': 'web',
};

/**
 * User-agent patterns, first match wins. Dalvik is the Android runtime's own HTTP agent; any
 * other `Mozilla/...` agent is a browser, including in-app web views, which Branch treats as web.
 */
const USER_AGENT_PLATFORMS: ReadonlyArray<{ pattern: RegExp; platform: Platform }> = [
  { pattern: /^Dalvik\//i, platform: 'android' },
  { pattern: /^Mozilla\//i, platform: 'web' },
];

/**
 * Decides which platform sent a message. The first source that gives an answer wins:
 * 1. `context.os.name` (iOS, iPadOS, iPhone OS, tvOS => ios; Android => android),
 * 2. `context.device.type` (same names),
 * 3. `context.library.name` (see LIBRARY_PLATFORMS),
 * 4. `context.userAgent` (Dalvik => android; Mozilla => web).
 * Names are compared trimmed and case-insensitively. `channel` is ignored: server libraries
 * report whatever the caller sets there. Returns `unknown` when no source answers; never throws.
 */
export function detectPlatform(message: SegmentMessage): DetectedPlatform {
  const context = readRecord(readRecord(message)?.context);
  const osName = readText(readRecord(context?.os)?.name);
  const deviceType = readText(readRecord(context?.device)?.type);
  const libraryName = readText(readRecord(context?.library)?.name);
  const userAgent = readText(context?.userAgent);

  return (
    lookUp(APP_OS_NAMES, osName) ??
    lookUp(APP_OS_NAMES, deviceType) ??
    lookUp(LIBRARY_PLATFORMS, libraryName) ??
    matchUserAgent(userAgent) ??
    'unknown'
  );
}

function lookUp(table: Readonly<Record<string, Platform>>, name?: string): Platform | undefined {
  const key = name?.toLowerCase();

  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

function matchUserAgent(userAgent?: string): Platform | undefined {
  if (userAgent === undefined) {
    return undefined;
  }

  return USER_AGENT_PLATFORMS.find(({ pattern }) => pattern.test(userAgent))?.platform;
}
