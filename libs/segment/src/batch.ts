import { SegmentContext, SegmentMessage } from './segment-message.types';

/**
 * Merges the batch-level `context` and `integrations` of a `/v1/batch` request into one
 * message. The message's own values win, key by key one level deep (so a message's
 * `context.device` replaces the batch's, while batch `context.library` fills a gap), which is
 * how Segment treats a batch envelope.
 */
export function mergeBatchEnvelope(
  message: SegmentMessage,
  envelope: { context?: unknown; integrations?: unknown },
): SegmentMessage {
  const context = mergeShallow(envelope.context, message.context) as SegmentContext | undefined;
  const integrations = mergeShallow(envelope.integrations, message.integrations);

  return {
    ...message,
    ...(context ? { context } : {}),
    ...(integrations ? { integrations } : {}),
  };
}

function mergeShallow(base: unknown, own: unknown): Record<string, unknown> | undefined {
  const baseObject = isPlainObject(base) ? base : undefined;
  const ownObject = isPlainObject(own) ? own : undefined;

  if (!baseObject) {
    return ownObject;
  }

  return { ...baseObject, ...(ownObject ?? {}) };
}

/** True for `{...}` values, false for arrays, null and primitives. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
