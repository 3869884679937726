/**
 * Why a Segment message is refused before it is queued (see `checkSegmentMessage`). The values
 * are the `reason` codes ingest answers in its 400 body or `rejected` list and stores with the
 * rejected message, so they never change spelling.
 */
export const RejectionReason = {
  /** Not the Segment shape: a field of the wrong type, no user, a track without an event. */
  InvalidMessage: 'invalid_message',
  /** Larger than Segment's 32 KB limit per message. */
  MessageTooLarge: 'message_too_large',
} as const;

export type RejectionReason = (typeof RejectionReason)[keyof typeof RejectionReason];
