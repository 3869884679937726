import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';

import { AppConfig } from '@sbi/config';
import { IMPORT_QUEUE } from '@sbi/queue';

import { ApiError } from '../common/api-error';
import { withTimeout } from '../common/with-timeout';

/** A job that used up its retries (a dead letter), as the admin API shows it. */
export interface FailedJobView {
  jobId: string;
  jobName: string;
  messageId?: string;
  eventName?: string;
  error: string;
  attemptsMade: number;
  failedAt?: Date;
}

/**
 * How many failed jobs one look-up reads from Redis at most. BullMQ keeps failed jobs in one
 * sorted set for the whole queue, so per-app views scan it; operators are expected to replay
 * or clear dead letters, which keeps the set small. Beyond this many the views say `truncated`.
 */
export const FAILED_SCAN_LIMIT = 10_000;
const PAGE = 500;

/**
 * The dead letters of the import queue, per app: listed, counted and replayed. A replay moves
 * the job back to the waiting list under its own id, so it runs through the normal worker
 * path, and the worker's unique indexes make a replay that races a redelivery harmless.
 */
@Injectable()
export class FailedJobs {
  private readonly logger = new Logger(FailedJobs.name);

  constructor(
    @InjectQueue(IMPORT_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  /** Newest first. */
  async list(appId: string, limit: number): Promise<{ jobs: FailedJobView[]; truncated: boolean }> {
    const { jobs, truncated } = await this.scan(appId);

    return { jobs: jobs.slice(0, limit).map(toView), truncated };
  }

  /** When each of the app's dead letters failed (ms), for counting them per time window. */
  async failedAtTimes(appId: string): Promise<number[]> {
    const { jobs } = await this.scan(appId);

    return jobs.map((job) => job.finishedOn ?? 0);
  }

  /**
   * Replays the app's failed jobs with these ids, or all of them when `jobIds` is undefined.
   * Ids that are not failed jobs of this app are reported, not replayed.
   */
  async replay(
    appId: string,
    jobIds?: string[],
  ): Promise<{ replayed: string[]; notFound: string[] }> {
    const { jobs } = await this.scan(appId);
    const byId = new Map(jobs.map((job) => [String(job.id), job]));
    const wanted = jobIds ?? [...byId.keys()];
    const replayed: string[] = [];
    const notFound: string[] = [];

    for (const id of wanted) {
      const job = byId.get(id);

      if (!job) {
        notFound.push(id);
        continue;
      }

      await this.inTime(job.retry('failed', { resetAttemptsMade: true }));
      replayed.push(id);
    }

    this.logger.log({ appId, replayed: replayed.length, notFound: notFound.length }, 'replayed');

    return { replayed, notFound };
  }

  /**
   * Every Redis call of the admin views: a Redis that is down or hung answers 503 within
   * ENQUEUE_TIMEOUT_MS, instead of a 500 or a request that hangs with Redis.
   */
  private inTime<T>(work: Promise<T>): Promise<T> {
    const unavailable = () => ApiError.queueUnavailable('Redis did not answer. Retry later.');
    const answered = work.catch((error: unknown) => {
      this.logger.warn({ err: error }, 'Redis call failed');
      throw unavailable();
    });

    return withTimeout(answered, this.config.queue.enqueueTimeoutMs, unavailable);
  }

  private async scan(appId: string): Promise<{ jobs: Job[]; truncated: boolean }> {
    const found: Job[] = [];
    let start = 0;

    for (; start < FAILED_SCAN_LIMIT; start += PAGE) {
      const page = await this.inTime(this.queue.getFailed(start, start + PAGE - 1));

      found.push(...page.filter((job) => job?.data?.appId === appId));
      if (page.length < PAGE) return { jobs: found, truncated: false };
    }

    return { jobs: found, truncated: true };
  }
}

function toView(job: Job): FailedJobView {
  const message = job.data?.message;

  return {
    jobId: String(job.id),
    jobName: job.name,
    messageId: typeof message?.messageId === 'string' ? message.messageId : job.data?.messageId,
    eventName: typeof message?.event === 'string' ? message.event : undefined,
    error: job.failedReason,
    attemptsMade: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn) : undefined,
  };
}
