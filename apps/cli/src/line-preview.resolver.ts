import type { PlatformSwitches } from '@sbi/identity';
import { mapSegmentMessage, type MappingResult, SkipReason } from '@sbi/mapping';
import { checkSegmentMessage, normalizeTimestamps, type SegmentMessage } from '@sbi/segment';

/** A messageId met again: ingest queues it under the same job id and stores it once. */
export const DUPLICATE_MESSAGE = 'duplicate_message';

/** How the summary counts a line: the four things the service can do with a message. */
export type PreviewKind = 'imported' | 'skipped' | 'rejected' | 'duplicate';

/** One line's outcome: what is printed for it, and what the summary counts. */
export interface LinePreview {
  kind: PreviewKind;
  /** The skip, rejection or duplicate reason; absent when imported. */
  reason?: string;
  hasWarnings: boolean;
  /** True when the message had no `receivedAt` and got the run's arrival time. */
  isStampedWithRunStart: boolean;
  output: Record<string, unknown>;
}

/** What stays the same for every line of one run. */
export interface PreviewRun {
  platforms: PlatformSwitches;
  /**
   * The arrival time ingest would stamp as `receivedAt`. One instant for the whole run (its
   * start), not the time each line is read, so a run's output does not depend on reading speed.
   */
  startedAt: Date;
  /** messageId → line it was first accepted on. Grows with the distinct messageIds of a run. */
  seenOnLine: Map<string, number>;
}

/**
 * Previews what the service would do with one line of JSON Lines, in its order: parse (ingest
 * answers 400 `invalid_json`), `checkSegmentMessage` (400, recorded as rejected), a messageId
 * seen before (stored once), `normalizeTimestamps` with the run's arrival time, then
 * `mapSegmentMessage` (imported or skipped, as the worker stores it). Never throws.
 */
export function previewLine(text: string, line: number, run: PreviewRun): LinePreview {
  const parsed = parseJson(text);

  if (!parsed.ok) {
    return reject(line, null, SkipReason.InvalidJson, parsed.why);
  }

  const check = checkSegmentMessage(parsed.value);

  if (!check.ok) {
    return reject(line, check.messageId ?? null, check.reason, check.detail);
  }

  const { messageId } = check.message;
  const firstLine = run.seenOnLine.get(messageId);

  if (firstLine !== undefined) {
    return flagDuplicate(line, messageId, firstLine);
  }
  run.seenOnLine.set(messageId, line);

  return mapAccepted(check.message, line, run);
}

function mapAccepted(message: SegmentMessage, line: number, run: PreviewRun): LinePreview {
  const prepared = normalizeTimestamps(message, run.startedAt);
  const result = mapSegmentMessage(prepared, { platforms: run.platforms });

  return {
    kind: result.imported ? 'imported' : 'skipped',
    reason: result.imported ? undefined : result.reason,
    hasWarnings: result.warnings.length > 0,
    isStampedWithRunStart: prepared.receivedAt !== message.receivedAt,
    output: { line, messageId: message.messageId, ...withoutEmptyWarnings(result) },
  };
}

function reject(
  line: number,
  messageId: string | null,
  reason: string,
  detail: string,
): LinePreview {
  return {
    kind: 'rejected',
    reason,
    hasWarnings: false,
    isStampedWithRunStart: false,
    output: { line, messageId, imported: false, rejected: true, reason, detail },
  };
}

function flagDuplicate(line: number, messageId: string, firstLine: number): LinePreview {
  const detail = `messageId already seen on line ${firstLine}; the service stores it once`;

  return {
    kind: 'duplicate',
    reason: DUPLICATE_MESSAGE,
    hasWarnings: false,
    isStampedWithRunStart: false,
    output: {
      line,
      messageId,
      imported: false,
      duplicate: true,
      reason: DUPLICATE_MESSAGE,
      detail,
    },
  };
}

function parseJson(line: string): { ok: true; value: unknown } | { ok: false; why: string } {
  try {
    return { ok: true, value: JSON.parse(line) };
  } catch (error) {
    return { ok: false, why: `line is not JSON: ${(error as Error).message}` };
  }
}

function withoutEmptyWarnings(result: MappingResult): Partial<MappingResult> {
  const { warnings, ...rest } = result;

  return warnings.length > 0 ? result : rest;
}
