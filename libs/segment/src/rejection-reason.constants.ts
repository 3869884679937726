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

/** One sentence per rejection reason, for summaries and lists shown to people. */
export const REJECTION_REASON_DESCRIPTIONS: Readonly<Record<RejectionReason, string>> = {
  invalid_message:
    'The message does not have the Segment shape: a field of the wrong type, no userId or ' +
    'anonymousId, or a track message without an event name.',
  message_too_large: "The message is larger than Segment's 32 KB limit per message.",
};
