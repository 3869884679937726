import Ajv, { ErrorObject } from 'ajv';
import { randomUUID } from 'node:crypto';

import { RejectionReason } from './rejection-reason.constants';
import { SEGMENT_MESSAGE_TYPES, SegmentMessage } from './segment-message.types';

/**
 * Segment's own limit per message, see
 * https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#max-request-size
 */
export const MAX_MESSAGE_BYTES = 32 * 1024;

/**
 * Deepest nesting accepted in one message. Segment sets none, but everything downstream walks
 * messages recursively (JSON.stringify for the size check, the mapper, MongoDB's 100-level
 * BSON limit), and a 10 KB body of `[[[[...` would otherwise overflow the stack. Real
 * messages stay well under ten levels.
 */
export const MAX_MESSAGE_DEPTH = 64;

const optionalText = { type: ['string', 'null'] };
const optionalId = { type: ['string', 'number', 'null'] };
const optionalObject = { type: ['object', 'null'] };

/**
 * JSON schema of one Segment message, compiled once. This is the hot path, so it uses a
 * compiled Ajv schema rather than class-validator (measured about five times slower under
 * load); admin routes keep class-validator DTOs. It checks shape only: unknown fields pass
 * (Segment adds new ones), and odd values inside `properties` are the mapper's to report.
 */
const MESSAGE_SCHEMA = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { type: 'string', minLength: 1, maxLength: 64 },
    // At least one non-blank character: the worker refuses blank ids, so ingest must too.
    messageId: { type: 'string', minLength: 1, maxLength: 512, pattern: '\\S' },
    userId: optionalId,
    anonymousId: optionalId,
    event: optionalText,
    name: optionalText,
    properties: optionalObject,
    traits: optionalObject,
    context: optionalObject,
    integrations: optionalObject,
    timestamp: { type: ['string', 'number', 'null'] },
    originalTimestamp: { type: ['string', 'number', 'null'] },
    sentAt: { type: ['string', 'number', 'null'] },
  },
};

const validateShape = new Ajv({ allErrors: false, strict: false }).compile(MESSAGE_SCHEMA);
const KNOWN_TYPES: ReadonlySet<string> = new Set(SEGMENT_MESSAGE_TYPES);

export type MessageCheck =
  | { ok: true; message: SegmentMessage }
  | { ok: false; reason: RejectionReason; detail: string; messageId?: string };

/**
 * Checks one message as the Tracking API would and returns it ready to queue: ids as strings
 * and a messageId generated when the sender gave none (Segment does the same; such a message
 * cannot be deduplicated if resent). `typeFromPath` is the type of `/v1/track`-style routes,
 * which wins over the body's. Unknown types pass: they are acknowledged and recorded as skipped.
 */
export function checkSegmentMessage(input: unknown, typeFromPath?: string): MessageCheck {
  const candidate = typeFromPath && isObject(input) ? { ...input, type: typeFromPath } : input;
  const messageId =
    isObject(input) && typeof input.messageId === 'string' ? input.messageId : undefined;

  if (!validateShape(candidate)) {
    return reject(
      RejectionReason.InvalidMessage,
      describeSchemaError(validateShape.errors),
      messageId,
    );
  }

  const structureProblem = findStructureProblem(candidate, MAX_MESSAGE_DEPTH);

  if (structureProblem) return reject(RejectionReason.InvalidMessage, structureProblem, messageId);

  const message = withNormalisedType(candidate as unknown as SegmentMessage);
  const size = Buffer.byteLength(JSON.stringify(message), 'utf8');

  if (size > MAX_MESSAGE_BYTES) {
    return reject(
      RejectionReason.MessageTooLarge,
      `message is ${size} bytes; the limit is 32 KB`,
      messageId,
    );
  }

  const problem = findSemanticProblem(message);

  if (problem) return reject(RejectionReason.InvalidMessage, problem, messageId);

  return { ok: true, message: withNormalisedIds(message) };
}

function findSemanticProblem(message: SegmentMessage): string | undefined {
  if (!KNOWN_TYPES.has(message.type)) return undefined;

  if (isBlank(message.userId) && isBlank(message.anonymousId)) {
    return 'userId or anonymousId is required';
  }

  if (message.type === 'track' && isBlank(message.event)) {
    return 'event is required for a track message';
  }

  return undefined;
}

/** `TRACK` and ` track` are track messages for the mapper, so the checks must agree. */
function withNormalisedType(message: SegmentMessage): SegmentMessage {
  return { ...message, type: message.type.trim().toLowerCase() };
}

/**
 * Walks the value with an explicit stack, so a hostile depth cannot overflow the call stack,
 * and finds what no later step can store faithfully: nesting deeper than `maxDepth`, or text
 * (a value or a key) with a lone UTF-16 surrogate. JSON allows `"\ud800"`, but UTF-8 cannot
 * hold it: Redis and MongoDB would turn it into U+FFFD, so two distinct messageIds or userIds
 * would silently become one.
 */
export function findStructureProblem(value: unknown, maxDepth: number): string | undefined {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];

  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;

    if (typeof current === 'string' && !current.isWellFormed()) return MALFORMED_TEXT;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) return `message is nested deeper than ${maxDepth} levels`;
    for (const [key, child] of Object.entries(current)) {
      if (!key.isWellFormed()) return MALFORMED_TEXT;
      pending.push({ value: child, depth: depth + 1 });
    }
  }

  return undefined;
}

const MALFORMED_TEXT = 'message contains text with a lone UTF-16 surrogate (not valid Unicode)';

function withNormalisedIds(message: SegmentMessage): SegmentMessage {
  return {
    ...message,
    messageId: message.messageId ?? `sbi-${randomUUID()}`,
    ...(typeof message.userId === 'number' ? { userId: String(message.userId) } : {}),
    ...(typeof message.anonymousId === 'number'
      ? { anonymousId: String(message.anonymousId) }
      : {}),
  };
}

function describeSchemaError(errors: ErrorObject[] | null | undefined): string {
  const error = errors?.[0];

  if (!error) return 'message does not have the Segment shape';

  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'message';

  return `${where} ${error.message ?? 'is invalid'}`;
}

function reject(reason: RejectionReason, detail: string, messageId?: string): MessageCheck {
  return { ok: false, reason, detail, ...(messageId ? { messageId } : {}) };
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || String(value).trim() === '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
