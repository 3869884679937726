import type { SegmentMessage } from '@sbi/segment';

import { readIdentifier, readPositiveInteger, readRecord, readText } from './field-readers.util';
import type { BranchUserData, DetectedPlatform, Platform } from './identity.types';

type AppPlatform = Exclude<Platform, 'web'>;

/** Branch's `os` value and the user_data keys that receive the two device ids, per app OS. */
const APP_FIELDS: Readonly<
  Record<
    AppPlatform,
    { os: string; advertisingId: 'idfa' | 'aaid'; deviceId: 'idfv' | 'android_id' }
  >
> = {
  ios: { os: 'iOS', advertisingId: 'idfa', deviceId: 'idfv' },
  android: { os: 'Android', advertisingId: 'aaid', deviceId: 'android_id' },
};

/**
 * Browser OS by user agent, first match wins, in Branch's spelling for web `os` values. The
 * order matters: iPhone agents also say "Mac OS X", Android agents also say "Linux".
 */
const USER_AGENT_OS: ReadonlyArray<{ pattern: RegExp; os: string }> = [
  { pattern: /\b(iPhone|iPad|iPod)\b/, os: 'iOS' },
  { pattern: /\bAndroid\b/, os: 'Android' },
  { pattern: /\bWindows\b/, os: 'WINDOWS' },
  { pattern: /\bMac OS X\b|\bMacintosh\b/, os: 'MAC_OS' },
  { pattern: /\bLinux\b/, os: 'LINUX' },
];

/** Android reports `screen.density` as a scale factor of this baseline (DisplayMetrics.density). */
const ANDROID_BASELINE_DPI = 160;

/** Above this, a `screen.density` is already dots per inch rather than a scale factor. */
const LARGEST_DENSITY_SCALE = 10;

interface MessageParts {
  context: Record<string, unknown>;
  device: Record<string, unknown>;
  properties: Record<string, unknown>;
  anonymousId?: string;
}

/**
 * True when an advertising id is made only of zeros (and hyphens), which iOS and Android report
 * when the user limited ad tracking: such a value identifies nobody.
 */
export function isAllZeroAdvertisingId(value: unknown): boolean {
  const id = readIdentifier(value);

  return id !== undefined && /^[0-]*0[0-]*$/.test(id);
}

/**
 * Builds Branch `user_data` from a Segment message for the given platform (see the field table
 * in libs/identity/README.md). Only fields with a usable value are present; strings are trimmed,
 * all-zero advertising ids are dropped, and no identifier ever equals the anonymousId. Device
 * ids are mapped only for ios/android, the browser fingerprint only for web. Never throws.
 */
export function buildUserData(message: SegmentMessage, platform: DetectedPlatform): BranchUserData {
  const parts = readMessageParts(message);
  const userData: BranchUserData = {
    developer_identity: readIdentity(readRecord(message)?.userId, parts),
    ...buildCommonFields(parts.context),
    ...buildPlatformFields(parts, platform),
  };

  return removeEmptyFields(userData);
}

function readMessageParts(message: SegmentMessage): MessageParts {
  const record = readRecord(message);
  const context = readRecord(record?.context) ?? {};

  return {
    context,
    device: readRecord(context.device) ?? {},
    properties: readRecord(record?.properties) ?? {},
    anonymousId: readIdentifier(record?.anonymousId),
  };
}

/** An identifier, unless it merely repeats the anonymousId (see README, "anonymousId"). */
function readIdentity(value: unknown, parts: MessageParts): string | undefined {
  const id = readIdentifier(value);
  const isAnonymousId = id?.toLowerCase() === parts.anonymousId?.toLowerCase();

  return isAnonymousId ? undefined : id;
}

function buildCommonFields(context: Record<string, unknown>): BranchUserData {
  const screen = readRecord(context.screen) ?? {};
  const [language, country] = splitLocale(readText(context.locale));

  return {
    ip: readText(context.ip),
    user_agent: readText(context.userAgent),
    app_version: readText(readRecord(context.app)?.version),
    screen_width: readPositiveInteger(screen.width),
    screen_height: readPositiveInteger(screen.height),
    language,
    country,
  };
}

function buildPlatformFields(parts: MessageParts, platform: DetectedPlatform): BranchUserData {
  if (platform === 'ios' || platform === 'android') {
    return buildAppFields(parts, platform);
  }
  if (platform === 'web') {
    return buildWebFields(parts);
  }

  return {};
}

function buildAppFields(parts: MessageParts, platform: AppPlatform): BranchUserData {
  const fields = APP_FIELDS[platform];
  const { device, context } = parts;
  const advertisingId = device.advertisingId;
  const isAdIdZeroed = isAllZeroAdvertisingId(advertisingId);

  return {
    os: fields.os,
    os_version: readText(readRecord(context.os)?.version),
    [fields.advertisingId]: isAdIdZeroed ? undefined : readIdentity(advertisingId, parts),
    [fields.deviceId]: readIdentity(device.id, parts),
    limit_ad_tracking: isAdIdZeroed || readLimitAdTracking(device.adTrackingEnabled),
    model: readText(device.model),
    brand: readText(device.manufacturer),
    screen_dpi: platform === 'android' ? readAndroidDpi(context.screen) : undefined,
  };
}

function buildWebFields(parts: MessageParts): BranchUserData {
  const userAgent = readText(parts.context.userAgent);
  const os = userAgent && USER_AGENT_OS.find(({ pattern }) => pattern.test(userAgent))?.os;

  return {
    os: os || undefined,
    os_version: os ? readText(readRecord(parts.context.os)?.version) : undefined,
    browser_fingerprint_id: readIdentity(parts.properties.browser_fingerprint_id, parts),
  };
}

/** `undefined` (not false) when the sender did not say, so Branch applies its own default. */
function readLimitAdTracking(adTrackingEnabled: unknown): true | false | undefined {
  return typeof adTrackingEnabled === 'boolean' ? !adTrackingEnabled : undefined;
}

function readAndroidDpi(screen: unknown): number | undefined {
  const density = readRecord(screen)?.density;

  if (typeof density !== 'number' || density > LARGEST_DENSITY_SCALE) {
    return readPositiveInteger(density);
  }

  return readPositiveInteger(density * ANDROID_BASELINE_DPI);
}

/** "en-US" / "en_US" => ["en", "US"]; a region that is not two letters is left out. */
function splitLocale(locale?: string): [string | undefined, string | undefined] {
  const [language, region] = locale?.split(/[-_]/) ?? [];
  const isLanguage = language !== undefined && /^[A-Za-z]{2,3}$/.test(language);
  const isCountry = region !== undefined && /^[A-Za-z]{2}$/.test(region);

  return [
    isLanguage ? language.toLowerCase() : undefined,
    isCountry ? region.toUpperCase() : undefined,
  ];
}

function removeEmptyFields(userData: BranchUserData): BranchUserData {
  return Object.fromEntries(
    Object.entries(userData).filter(([, value]) => value !== undefined),
  ) as BranchUserData;
}
