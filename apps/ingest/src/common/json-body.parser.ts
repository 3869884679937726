import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Transform } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';

import { ApiError, ErrorCode } from './api-error';

/**
 * Segment's own limit per request, see
 * https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#max-request-size
 */
export const MAX_REQUEST_BYTES = 500 * 1024;

/**
 * Bodies are read up to four times the limit so that a slightly larger one still gets the
 * 400 with its reason; beyond that Fastify stops reading and answers 413 itself.
 */
const READ_LIMIT_BYTES = 4 * MAX_REQUEST_BYTES;

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
  fastify.addHook('onRequest', async (request, reply) => {
    const declared = Number(request.headers['content-length'] ?? 0);

    // Refused before a byte of the body is read, and as a 400 with its reason: Fastify's own
    // limit answers 413, which Segment clients retry.
    if (declared > MAX_REQUEST_BYTES) {
      await reply.status(400).send({
        statusCode: 400,
        code: ErrorCode.RequestTooLarge,
        message: `The body is ${declared} bytes; the limit is 500 KB.`,
      });
    }
  });
  fastify.addHook('preParsing', async (request, _reply, payload) => decode(request, payload));
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    ['application/json', 'text/plain'],
    { parseAs: 'buffer', bodyLimit: READ_LIMIT_BYTES },
    (request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) => {
      request.rawBody = body;

      if (body.length > MAX_REQUEST_BYTES) {
        done(
          ApiError.badRequest(
            ErrorCode.RequestTooLarge,
            `The body is ${body.length} bytes; the limit is 500 KB.`,
          ),
        );

        return;
      }

      try {
        done(null, JSON.parse(withoutByteOrderMark(body).toString('utf8')));
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

/** Any other content type: a 400, since Segment clients would retry a 415 forever. */
export function registerUnsupportedTypeParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: READ_LIMIT_BYTES },
    (request, _body, done) => {
      done(
        ApiError.badRequest(
          ErrorCode.UnsupportedMediaType,
          `Content-Type ${String(request.headers['content-type'])} is not accepted; ` +
            'send application/json.',
        ),
      );
    },
  );
}

/**
 * Segment's HTTP API takes gzip-compressed bodies, and some of its libraries send them. The
 * limits then apply to the decompressed bytes, and a webhook signature to the same bytes.
 */
function decode(request: FastifyRequest, payload: NodeJS.ReadableStream) {
  const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();

  if (encoding === 'identity') return payload;
  if (encoding === 'gzip') return countingEncodedBytes(payload, createGunzip());
  if (encoding === 'deflate') return countingEncodedBytes(payload, createInflate());

  throw ApiError.badRequest(
    ErrorCode.UnsupportedMediaType,
    `Content-Encoding ${encoding} is not accepted; send gzip, deflate or none.`,
  );
}

/**
 * Fastify checks Content-Length against `receivedEncodedLength` of the stream a preParsing
 * hook returns, so the decoder carries the count of compressed bytes read.
 */
function countingEncodedBytes(payload: NodeJS.ReadableStream, decoder: Transform) {
  const decoded = decoder as Transform & { receivedEncodedLength: number };

  decoded.receivedEncodedLength = 0;
  payload.on('data', (chunk: Buffer) => (decoded.receivedEncodedLength += chunk.length));

  return payload.pipe(decoded);
}

/** A UTF-8 byte-order mark is not JSON, but some webhook relays add one. */
function withoutByteOrderMark(body: Buffer): Buffer {
  const hasMark = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;

  return hasMark ? body.subarray(3) : body;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
