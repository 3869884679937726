import { HttpStatus } from '@nestjs/common';

/**
 * Machine-readable reasons in every error body. Segment's clients retry every status except
 * 400, so anything a retry cannot fix must be a 400 with one of the `invalid` codes.
 */
export const ErrorCode = {
  InvalidJson: 'invalid_json',
  InvalidMessage: 'invalid_message',
  InvalidBatch: 'invalid_batch',
  MessageTooLarge: 'message_too_large',
  RequestTooLarge: 'request_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  ValidationFailed: 'validation_failed',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  ConfirmationRequired: 'confirmation_required',
  /** A paging cursor this API did not issue (or one damaged in transit). */
  InvalidCursor: 'invalid_cursor',
  NotFound: 'not_found',
  QueueUnavailable: 'queue_unavailable',
  InternalError: 'internal_error',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error whose status and code are decided where it is thrown; the filter only renders it. */
export class ApiError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  static badRequest(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    return new ApiError(HttpStatus.BAD_REQUEST, code, message, details);
  }

  /** Deliberately vague: says nothing about which credential part was wrong. */
  static unauthorized() {
    return new ApiError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthorized, 'Invalid credentials.');
  }

  static queueUnavailable() {
    return new ApiError(
      HttpStatus.SERVICE_UNAVAILABLE,
      ErrorCode.QueueUnavailable,
      'The queue is unreachable; nothing was accepted. Retry later.',
    );
  }
}
