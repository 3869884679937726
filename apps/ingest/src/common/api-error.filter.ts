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

    if (body.statusCode === 503) reply.header('Retry-After', '5');
    void reply.status(body.statusCode).send(body);
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

    const fastifyError = fromFastifyError(exception);

    if (fastifyError) return fastifyError;

    const errorId = randomUUID();

    this.logger.error({ err: exception, errorId }, 'unexpected error');

    return {
      statusCode: 500,
      code: ErrorCode.InternalError,
      message: 'Unexpected error; quote the errorId when reporting it.',
      errorId,
    };
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const messages =
    typeof response === 'object' && response !== null && 'message' in response
      ? (response as { message: unknown }).message
      : exception.message;

  if (status === 400 && Array.isArray(messages)) {
    return {
      statusCode: 400,
      code: ErrorCode.ValidationFailed,
      message: messages.join('; '),
      errors: messages,
    };
  }

  return {
    statusCode: status,
    code: status === 404 ? ErrorCode.NotFound : String(exception.name).replace(/Exception$/, ''),
    message: String(Array.isArray(messages) ? messages.join('; ') : messages),
  };
}

/**
 * Errors Fastify raises before a route runs (body too large, wrong content type). Segment's
 * clients would retry a 413 or 415 forever, so they are answered as 400s with a reason.
 */
function fromFastifyError(exception: unknown): ErrorBody | undefined {
  const code = (exception as { code?: unknown })?.code;

  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      statusCode: 400,
      code: ErrorCode.RequestTooLarge,
      message: 'The request body is larger than 500 KB.',
    };
  }

  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return {
      statusCode: 400,
      code: ErrorCode.UnsupportedMediaType,
      message: 'Send JSON with Content-Type: application/json.',
    };
  }

  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { statusCode: 400, code: ErrorCode.InvalidJson, message: 'The body is empty.' };
  }

  return undefined;
}
