import { IdentitySkipReason } from '@sbi/identity';

/**
 * Why a message was not imported. One table for callers: the mapping's own reasons plus every
 * identity reason, passed through unchanged. Stable: stored with skipped messages and reported.
 */
export const SkipReason = {
  /** Not JSON at all; only file and stream readers (the CLI) produce it, never the mapper. */
  InvalidJson: 'invalid_json',
  InvalidMessage: 'invalid_message',
  NotATrackEvent: 'not_a_track_event',
  AutoTrackedByBranch: 'auto_tracked_by_branch',
  ...IdentitySkipReason,
} as const;

export type SkipReason = (typeof SkipReason)[keyof typeof SkipReason];

/** One sentence per skip reason, for the admin API, the CLI summary and the README. */
export const SKIP_REASON_DESCRIPTIONS: Readonly<Record<SkipReason, string>> = {
  invalid_json: 'The line is not valid JSON.',
  invalid_message:
    'The message is not a Segment message: not an object, no messageId, ' +
    'a field of the wrong type, no event name or no usable time.',
  not_a_track_event:
    'Only track messages become Branch events; identify, page, screen, group, alias ' +
    'and other types are acknowledged and skipped.',
  auto_tracked_by_branch:
    'Branch already tracks this event through its SDKs (clicks, installs, opens, sessions, ' +
    'app lifecycle, push), so importing it would double-count.',
  no_user_identifier:
    'The app event has no userId, advertisingId or device id to tie it to a user; ' +
    'anonymousId does not count.',
  web_logged_out: 'The web event has no userId: logged-out web events are not attributed.',
  web_missing_fingerprint: 'The web event has no properties.browser_fingerprint_id.',
  web_missing_user_agent: 'The web event has no context.userAgent.',
  platform_disabled: "The event's platform is switched off for this app.",
  unknown_platform: 'The platform (iOS, Android or Web) cannot be told from the message.',
};
