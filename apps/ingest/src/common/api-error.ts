import { HttpStatus } from '@nestjs/common';

import { RejectionReason } from '@sbi/segment';

/**
 * Machine-readable reasons in every error body. Segment's clients retry every status except
 * 400, so anything a retry cannot fix must be a 400 with one of the `invalid` codes.
 */
export const ErrorCode = {
  InvalidJson: 'invalid_json',
  // Per-message refusals come from the shared validator, so the map command reports the same.
  InvalidMessage: RejectionReason.InvalidMessage,
  InvalidBatch: 'invalid_batch',
  MessageTooLarge: RejectionReason.MessageTooLarge,
  RequestTooLarge: 'request_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  ValidationFailed: 'validation_failed',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  ConfirmationRequired: 'confirmation_required',
  RotationInProgress: 'rotation_in_progress',
  /** A paging cursor this API did not issue (or one damaged in transit). */
  InvalidCursor: 'invalid_cursor',
  NotFound: 'not_found',
  QueueUnavailable: 'queue_unavailable',
  StorageUnavailable: 'storage_unavailable',
  RequestAborted: 'request_aborted',
  RequestTimeout: 'request_timeout',
  HeadersTooLarge: 'headers_too_large',
  InternalError: 'internal_error',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const UNAUTHORIZED_MESSAGES = {
  intake:
    'Invalid credentials. Intake routes take HTTP Basic: the Branch secret as user (write key), ' +
    'or Branch key and secret; webhooks of an app with a signing secret also need X-Signature.',
  admin:
    'Invalid credentials. Admin routes take Authorization: Bearer with the operator token ' +
    'or the app admin key.',
};

/** An error whose status and code are decided where it is thrown; the filter only renders it. */
export class ApiError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  static badRequest(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    return new ApiError(HttpStatus.BAD_REQUEST, code, message, details);
  }

  /**
   * Says how the route authenticates, never which part of the credentials was wrong: the
   * text depends only on the kind of route. The reason is logged on the server instead.
   */
  static unauthorized(scheme: 'intake' | 'admin') {
    return new ApiError(
      HttpStatus.UNAUTHORIZED,
      ErrorCode.Unauthorized,
      UNAUTHORIZED_MESSAGES[scheme],
      undefined,
      { 'WWW-Authenticate': scheme === 'intake' ? 'Basic realm="segment"' : 'Bearer' },
    );
  }

  static queueUnavailable(
    message = 'The queue did not confirm in time. Resend the request: messages with the same ' +
      'messageId are stored once, even if this attempt got through after all.',
  ) {
    return new ApiError(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.QueueUnavailable, message);
  }
}
