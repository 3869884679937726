/** Contract of libs/identity: what it decides for one Segment message. */

export const PLATFORMS = ['ios', 'android', 'web'] as const;

/** A platform the product can import from; `unknown` when no rule recognises the sender. */
export type Platform = (typeof PLATFORMS)[number];
export type DetectedPlatform = Platform | 'unknown';

/** Which platforms an app imports; an event from a switched-off platform is skipped. */
export type PlatformSwitches = Record<Platform, boolean>;

export const ALL_PLATFORMS_ON: PlatformSwitches = Object.freeze({
  ios: true,
  android: true,
  web: true,
});

/** Reason codes for messages that cannot be attributed to a user. Stable: stored and reported. */
export const IdentitySkipReason = {
  NoUserIdentifier: 'no_user_identifier',
  WebLoggedOut: 'web_logged_out',
  WebMissingFingerprint: 'web_missing_fingerprint',
  WebMissingUserAgent: 'web_missing_user_agent',
  PlatformDisabled: 'platform_disabled',
  UnknownPlatform: 'unknown_platform',
} as const;

export type IdentitySkipReason = (typeof IdentitySkipReason)[keyof typeof IdentitySkipReason];

/**
 * Branch `user_data` (https://help.branch.io/developers-hub/reference/branch-event-api).
 * Only fields with a value are present.
 */
export interface BranchUserData {
  developer_identity?: string;
  os?: string;
  os_version?: string;
  idfa?: string;
  idfv?: string;
  aaid?: string;
  android_id?: string;
  limit_ad_tracking?: boolean;
  browser_fingerprint_id?: string;
  user_agent?: string;
  ip?: string;
  app_version?: string;
  model?: string;
  brand?: string;
  screen_width?: number;
  screen_height?: number;
  screen_dpi?: number;
  language?: string;
  country?: string;
  local_ip?: string;
}

export type IdentityResult =
  | { attributable: true; platform: Platform; userData: BranchUserData }
  | {
      attributable: false;
      platform: DetectedPlatform;
      reason: IdentitySkipReason;
      /** One human-readable sentence saying what was missing. */
      detail: string;
    };

export interface ResolveIdentityOptions {
  /** Defaults to every platform on; only an explicit `false` switches one off. */
  platforms?: PlatformSwitches;
}
