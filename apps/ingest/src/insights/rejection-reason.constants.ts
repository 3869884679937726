import { ErrorCode } from '../common/api-error';

/**
 * One sentence per reason ingest records a rejected message with (see
 * tracking/segment-message.validator.ts). The sender got the same reason in its 400 or in the
 * `rejected` list of its 200.
 */
export const REJECTION_REASON_DESCRIPTIONS: Readonly<Partial<Record<ErrorCode, string>>> = {
  [ErrorCode.InvalidMessage]:
    'The message does not have the Segment shape: a field of the wrong type, no userId or ' +
    'anonymousId, or a track message without an event name.',
  [ErrorCode.MessageTooLarge]: "The message is larger than Segment's 32 KB limit per message.",
};
