import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { JobsOptions, JobType, Queue } from 'bullmq';
import type { Redis } from 'ioredis';

import { AppConfig } from '@sbi/config';
import {
  IMPORT_QUEUE,
  ImportMessageJob,
  importJobId,
  JobName,
  RecordRejectionJob,
  rejectionJobId,
} from '@sbi/queue';

import { ApiError } from '../common/api-error';
import { withTimeout } from '../common/with-timeout';

/**
 * The ingest side of the queue. One `addBulk` per request: BullMQ writes it in one Redis
 * transaction, and it queues about four times as many jobs a second as one `add` per job.
 * Resolves only once Redis has the jobs; otherwise throws the 503 error, within
 * ENQUEUE_TIMEOUT_MS, so senders retry instead of waiting.
 */
@Injectable()
export class MessageQueue {
  private readonly logger = new Logger(MessageQueue.name);

  constructor(
    @InjectQueue(IMPORT_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async enqueue(imports: ImportMessageJob[], rejections: RecordRejectionJob[]): Promise<void> {
    if (imports.length === 0 && rejections.length === 0) return;

    const jobs = [
      ...imports.map((data) => ({
        name: JobName.ImportMessage,
        data,
        opts: { jobId: importJobId(data.appId, data.message.messageId) } satisfies JobsOptions,
      })),
      ...rejections.map((data) => ({
        name: JobName.RecordRejection,
        data,
        opts: { jobId: rejectionJobId(data.appId, data.messageId, data.reason) },
      })),
    ];

    try {
      await withTimeout(this.queue.addBulk(jobs), this.config.queue.enqueueTimeoutMs);
    } catch (err) {
      this.logger.error({ err, jobs: jobs.length }, 'could not enqueue; answering 503');
      throw ApiError.queueUnavailable();
    }
  }

  /** Jobs per state, for metrics; throws when Redis does not answer in time. */
  countJobs(states: readonly JobType[]): Promise<Record<string, number>> {
    return withTimeout(this.queue.getJobCounts(...states), this.config.queue.enqueueTimeoutMs);
  }

  /** For the readiness check: true when Redis answers a PING. */
  async isReachable(): Promise<boolean> {
    try {
      // BullMQ types its client narrowly; underneath it is the ioredis connection.
      const client = (await withTimeout(
        this.queue.client,
        this.config.queue.enqueueTimeoutMs,
      )) as unknown as Redis;

      return (await withTimeout(client.ping(), this.config.queue.enqueueTimeoutMs)) === 'PONG';
    } catch {
      return false;
    }
  }
}
