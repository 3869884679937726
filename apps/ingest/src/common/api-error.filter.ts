import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';

import { ApiError, ErrorCode } from './api-error';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errorId?: string;
  [detail: string]: unknown;
}

/**
 * The one place errors become HTTP answers: `{ statusCode, code, message, ...details }`.
 * An unexpected error answers 500 with an `errorId` that is also logged with the error, so an
 * operator can find the cause of what a user reports.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);

    if (exception instanceof ApiError) reply.headers(exception.headers);
    if (body.statusCode === 503) reply.header('Retry-After', '5');
    // Explicit, because a route may have set another type (text/plain for /metrics).
    void reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof ApiError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        ...exception.details,
      };
    }

    if (exception instanceof HttpException) {
      return fromHttpException(exception);
    }

    const expected = this.fromExpectedError(exception);

    if (expected) return expected;

    const errorId = randomUUID();

    this.logger.error({ err: exception, errorId }, 'unexpected error');

    return {
      statusCode: 500,
      code: ErrorCode.InternalError,
      message: 'Unexpected error; quote the errorId when reporting it.',
      errorId,
    };
  }

  /**
   * Failures that are not bugs: MongoDB unreachable (a 503 the sender retries, like a Redis
   * outage) and a client that hung up mid-body (nobody reads the answer; not worth an error).
   */
  private fromExpectedError(exception: unknown): ErrorBody | undefined {
    const { name, code, message } = (exception ?? {}) as Record<string, unknown>;

    if (typeof name === 'string' && MONGO_UNREACHABLE.has(name)) {
      this.logger.warn({ err: exception }, 'MongoDB unreachable; answering 503');

      return {
        statusCode: 503,
        code: ErrorCode.StorageUnavailable,
        message: 'The database is unreachable. Retry later.',
      };
    }

    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
      return {
        statusCode: 400,
        code: ErrorCode.InvalidJson,
        message: 'The body is not valid gzip or deflate data.',
      };
    }

    if (code === 'ECONNRESET' || message === 'aborted') {
      this.logger.debug({ code }, 'client aborted the request');

      return {
        statusCode: 400,
        code: ErrorCode.RequestAborted,
        message: 'The request was aborted.',
      };
    }

    return undefined;
  }
}

const MONGO_UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: ErrorCode.Unauthorized,
  403: 'forbidden',
  404: ErrorCode.NotFound,
  405: 'method_not_allowed',
  409: 'conflict',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/**
 * Nest's own exceptions (404 for unknown routes, ValidationPipe's 400 with a list of
 * messages, terminus' 503 with its health details) in the same body shape. Extra fields of
 * the exception's response, like the health details, are kept.
 */
function fromHttpException(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const fields = typeof response === 'object' && response !== null ? { ...response } : {};
  const { message = exception.message, ...rest } = fields as Record<string, unknown>;

  delete rest.error;
  delete rest.statusCode;

  // Fastify's own refusals of a body; Segment clients would retry a 413 or 415 forever.
  if (status === 413) {
    return { statusCode: 400, code: ErrorCode.RequestTooLarge, message: String(message) };
  }

  if (status === 415) {
    return { statusCode: 400, code: ErrorCode.UnsupportedMediaType, message: String(message) };
  }

  if (status === 400 && Array.isArray(message)) {
    return {
      statusCode: 400,
      code: ErrorCode.ValidationFailed,
      message: message.join('; '),
      errors: message,
    };
  }

  return {
    ...rest,
    statusCode: status,
    code: CODE_BY_STATUS[status] ?? `http_${status}`,
    message: typeof message === 'string' ? message : exception.message,
  };
}
