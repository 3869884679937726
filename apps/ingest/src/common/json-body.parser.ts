import type { FastifyInstance, FastifyRequest } from 'fastify';

import { ApiError, ErrorCode } from './api-error';

/** Segment's own limit per request (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#max-request-size). */
export const MAX_REQUEST_BYTES = 500 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received: webhook signatures are computed over these bytes. */
    rawBody?: Buffer;
  }
}

/**
 * Replaces Fastify's JSON parser with one that keeps the raw bytes (for X-Signature) and
 * turns malformed JSON into a 400 with reason `invalid_json`. Segment clients send
 * `application/json`; `text/plain` is accepted too because some webhook relays send that.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser(
    ['application/json', 'text/plain'],
    { parseAs: 'buffer', bodyLimit: MAX_REQUEST_BYTES },
    (request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) => {
      request.rawBody = body;

      try {
        done(null, JSON.parse(body.toString('utf8')));
      } catch (error) {
        done(
          ApiError.badRequest(
            ErrorCode.InvalidJson,
            `The body is not valid JSON: ${describe(error)}`,
          ),
        );
      }
    },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
