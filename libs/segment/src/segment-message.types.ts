/**
 * Segment message shapes as the HTTP Tracking API and the webhook destination deliver them.
 * Every field is optional and loosely typed on purpose: senders are third-party SDKs, and the
 * mapping and identity libraries must cope with whatever arrives (see their READMEs).
 * Field names follow https://segment.com/docs/connections/spec/common/.
 */

export const SEGMENT_MESSAGE_TYPES = [
  'track',
  'identify',
  'page',
  'screen',
  'group',
  'alias',
] as const;

export type SegmentMessageType = (typeof SEGMENT_MESSAGE_TYPES)[number];

export interface SegmentDevice {
  id?: unknown;
  advertisingId?: unknown;
  adTrackingEnabled?: unknown;
  manufacturer?: unknown;
  model?: unknown;
  name?: unknown;
  type?: unknown;
  [key: string]: unknown;
}

export interface SegmentContext {
  app?: { name?: unknown; version?: unknown; build?: unknown; namespace?: unknown };
  device?: SegmentDevice;
  os?: { name?: unknown; version?: unknown };
  library?: { name?: unknown; version?: unknown };
  screen?: { width?: unknown; height?: unknown; density?: unknown };
  locale?: unknown;
  ip?: unknown;
  userAgent?: unknown;
  timezone?: unknown;
  [key: string]: unknown;
}

export interface SegmentMessage {
  /** `track`, `identify`, ...; anything else (Segment also sends `delete`) is skipped. */
  type: string;
  messageId: string;
  anonymousId?: string | null;
  userId?: string | null;
  event?: string;
  name?: string;
  properties?: Record<string, unknown> | null;
  traits?: Record<string, unknown> | null;
  context?: SegmentContext;
  integrations?: Record<string, unknown>;
  /** Event time after clock-skew correction (see `normalizeTimestamps`). */
  timestamp?: string;
  originalTimestamp?: string;
  sentAt?: string;
  receivedAt?: string;
  channel?: string;
  [key: string]: unknown;
}
