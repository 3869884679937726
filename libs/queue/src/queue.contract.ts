import { createHash } from 'node:crypto';

import { SegmentMessage } from '@sbi/segment';

/**
 * The one queue between ingest and worker, its job shapes and retry policy.
 *
 * Ingest answers 2xx only after `addBulk` has stored the jobs in Redis. The worker retries a
 * job `JOB_ATTEMPTS` times with exponential backoff from `JOB_BACKOFF_MS`; a job that still
 * fails stays in BullMQ's failed set (the dead letters), never removed automatically.
 * Completed jobs are kept for a day (at most 10,000) so a redelivery within that window is
 * refused by its job id before it even reaches MongoDB, whose unique index is the final guard.
 */
export const IMPORT_QUEUE = 'segment-import';

export const JobName = {
  /** A Segment message accepted by ingest, to be mapped and stored or recorded as skipped. */
  ImportMessage: 'import-message',
  /** A message ingest refused with a 400; only recorded, so the admin API can list it. */
  RecordRejection: 'record-rejection',
} as const;

export type JobName = (typeof JobName)[keyof typeof JobName];

export interface ImportMessageJob {
  appId: string;
  /** The message with `receivedAt` stamped and `timestamp` corrected by ingest. */
  message: SegmentMessage;
}

export interface RecordRejectionJob {
  appId: string;
  messageId?: string;
  /** Position in the request's batch, when it came in one. */
  index?: number;
  reason: string;
  detail: string;
  receivedAt: string;
}

export const COMPLETED_JOB_RETENTION = { age: 24 * 3600, count: 10_000 };

/** Retry policy of every job in the import queue (see the comment at the top of this file). */
export function importJobDefaults(retry: { attempts: number; backoffMs: number }) {
  return {
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: COMPLETED_JOB_RETENTION,
    // Failed jobs are the dead letters: kept until an operator replays or clears them.
    removeOnFail: false,
  };
}

/**
 * Derives the BullMQ job id of a message: the same app and messageId always give the same id,
 * so BullMQ ignores a redelivery it still remembers. BullMQ refuses all-digit ids and ids
 * containing `:`, and messageIds are sender-chosen text, so the id is a hash, never the input.
 */
export function importJobId(appId: string, messageId: string): string {
  return `msg-${digestOf(appId, messageId)}`;
}

/**
 * The job id of a rejection record, when the message had a messageId: a sender that resends
 * the same refused message (after a 503, say) then leaves one record, not one per try.
 * Without a messageId nothing identifies the message, and BullMQ picks an id.
 */
export function rejectionJobId(appId: string, messageId: string | undefined, reason: string) {
  return messageId === undefined ? undefined : `rej-${digestOf(appId, messageId, reason)}`;
}

function digestOf(...parts: string[]): string {
  const hash = createHash('sha256');

  // The separator keeps ("ab", "c") and ("a", "bc") apart.
  parts.forEach((part, index) => hash.update(index === 0 ? part : `\u0000${part}`));

  return hash.digest('hex').slice(0, 40);
}
