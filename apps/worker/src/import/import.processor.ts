import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

import { AppConfig } from '@sbi/config';
import { findImportJobProblem, IMPORT_QUEUE, isRejectionJob, JobName } from '@sbi/queue';

import { ImportService } from './import.service';

/** Thrown when a job cannot succeed however often it is retried. */
class PermanentJobError extends Error {}

/**
 * Consumes the import queue. Bad job data and permanent failures end with BullMQ's
 * UnrecoverableError so they do not burn retries; anything else (MongoDB down, a timeout) is
 * thrown as it is and retried with backoff, then left in the failed set.
 */
@Processor(IMPORT_QUEUE)
export class ImportProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(ImportProcessor.name);

  constructor(
    private readonly imports: ImportService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.queue.workerConcurrency;
  }

  async process(job: Job): Promise<unknown> {
    try {
      return await this.dispatch(job);
    } catch (error) {
      if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);

      throw error;
    }
  }

  private async dispatch(job: Job): Promise<unknown> {
    if (job.name === JobName.ImportMessage) {
      const problem = findImportJobProblem(job.data);

      if (problem) throw new PermanentJobError(`invalid job data: ${problem}`);

      return this.imports.importMessage(job.data);
    }

    if (job.name === JobName.RecordRejection) {
      if (!isRejectionJob(job.data)) throw new PermanentJobError('invalid rejection job data');

      return this.imports.recordRejection(String(job.id), job.data);
    }

    throw new PermanentJobError(`unknown job name ${job.name}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    const attempt = job?.attemptsMade ?? 0;
    const final = !job || attempt >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
    const fields = { jobId: job?.id, appId: job?.data?.appId, attempt, err };

    if (final) {
      this.logger.error(fields, 'job failed for good; it stays in the failed set');
    } else {
      this.logger.warn(fields, 'job failed; it will be retried');
    }
  }
}
