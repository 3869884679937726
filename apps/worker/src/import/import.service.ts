import { Injectable, Logger } from '@nestjs/common';

import { mapSegmentMessage, MappingResult } from '@sbi/mapping';
import { ImportMessageJob, RecordRejectionJob } from '@sbi/queue';
import { EVENT_ORIGIN_SEGMENT } from '@sbi/storage';

import { Clock } from '@sbi/config';
import { EventStore } from './event-store.repository';

export type ImportOutcome =
  | { outcome: 'imported'; name: string; stored: boolean }
  | { outcome: 'skipped'; reason: string; stored: boolean }
  | { outcome: 'discarded'; reason: 'app_deleted' };

/**
 * What happens to one queued message: mapped with the app's current platform switches, then
 * stored as an event or recorded as skipped with the mapper's reason.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async importMessage(job: ImportMessageJob): Promise<ImportOutcome> {
    const platforms = await this.store.findPlatforms(job.appId);

    if (!platforms) {
      // The app was deleted with all its data on purpose: storing this would resurrect it.
      this.logger.warn(
        { appId: job.appId, messageId: job.message.messageId, reason: 'app_deleted' },
        'discarded',
      );

      return { outcome: 'discarded', reason: 'app_deleted' };
    }

    const result = mapSegmentMessage(job.message, { platforms });

    return result.imported ? this.storeEvent(job, result) : this.storeSkipped(job, result);
  }

  async recordRejection(jobId: string, job: RecordRejectionJob): Promise<void> {
    await this.store.saveRejected({
      jobId,
      appId: job.appId,
      messageId: job.messageId,
      index: job.index,
      reason: job.reason,
      detail: job.detail,
      receivedAt: new Date(job.receivedAt),
      recordedAt: this.clock.now(),
    });
  }

  private async storeEvent(
    job: ImportMessageJob,
    result: Extract<MappingResult, { imported: true }>,
  ): Promise<ImportOutcome> {
    const { event } = result;
    const { message } = job;
    const stored = await this.store.saveEvent({
      appId: job.appId,
      messageId: message.messageId,
      origin: EVENT_ORIGIN_SEGMENT,
      platform: result.platform,
      ...event,
      timestamp: new Date(event.timestamp),
      developerIdentity: event.user_data.developer_identity,
      anonymousId: event.custom_data.anonymousId,
      warnings: result.warnings.map((warning) => ({ ...warning })),
      receivedAt: receivedAtOf(job, this.clock),
      storedAt: this.clock.now(),
      segmentMessage: JSON.stringify(message),
    });

    this.logger.log(
      { appId: job.appId, messageId: message.messageId, eventName: event.name, stored },
      stored ? 'stored' : 'already stored',
    );

    return { outcome: 'imported', name: event.name, stored };
  }

  private async storeSkipped(
    job: ImportMessageJob,
    result: Extract<MappingResult, { imported: false }>,
  ): Promise<ImportOutcome> {
    const { message } = job;
    const stored = await this.store.saveSkipped({
      appId: job.appId,
      messageId: message.messageId,
      type: String(message.type),
      eventName: typeof message.event === 'string' ? message.event : undefined,
      platform: result.platform,
      reason: result.reason,
      detail: result.detail,
      receivedAt: receivedAtOf(job, this.clock),
      recordedAt: this.clock.now(),
      segmentMessage: JSON.stringify(message),
    });

    this.logger.log(
      { appId: job.appId, messageId: message.messageId, reason: result.reason, stored },
      'skipped',
    );

    return { outcome: 'skipped', reason: result.reason, stored };
  }
}

/** Ingest stamps receivedAt; a job written by something else falls back to now. */
function receivedAtOf(job: ImportMessageJob, clock: Clock): Date {
  const receivedAt = new Date(job.message.receivedAt ?? Number.NaN);

  return Number.isFinite(receivedAt.getTime()) ? receivedAt : clock.now();
}
