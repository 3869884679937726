import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

import { ErrorCode } from './api-error';

/** Node's parser errors that have an answer of their own; anything else is a plain 400. */
const ANSWERS: Record<string, { status: number; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: ErrorCode.RequestTimeout,
    message: 'The request was not received in time.',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: ErrorCode.HeadersTooLarge,
    message: 'The request headers are too large.',
  },
};

/**
 * Answers requests that Node's HTTP parser refuses before Fastify or Nest see them (malformed
 * Content-Length, oversized headers, a body that never finishes) in the API's JSON error shape,
 * instead of Node's own body without a `code`.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  const answer = ANSWERS[error.code ?? ''] ?? {
    status: 400,
    code: 'bad_request',
    message: 'The request could not be parsed as HTTP.',
  };
  const body = JSON.stringify({
    statusCode: answer.status,
    code: answer.code,
    message: answer.message,
  });

  if (!socket.writable) {
    socket.destroy();

    return;
  }

  socket.end(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
