import { Injectable, Logger } from '@nestjs/common';

import { mapSegmentMessage, MappingResult } from '@sbi/mapping';
import { ImportMessageJob, RecordRejectionJob } from '@sbi/queue';
import { Clock } from '@sbi/config';
import { EVENT_ORIGIN_SEGMENT } from '@sbi/storage';

import { EventStore } from './event-store.repository';

export type ImportOutcome =
  | { outcome: 'imported'; name: string; stored: boolean }
  | { outcome: 'skipped'; reason: string; stored: boolean }
  | { outcome: 'discarded'; reason: 'app_deleted' };

const DISCARDED: ImportOutcome = { outcome: 'discarded', reason: 'app_deleted' };

/**
 * What happens to one queued message: mapped with the app's current platform switches, then
 * stored as an event or recorded as skipped with the mapper's reason.
 *
 * An app can be deleted while its messages are in flight. Nothing is stored for an app that
 * is gone or being deleted, and a record written just as the deletion began is taken back:
 * the deletion marks the app before it removes the data, so a record inserted after the mark
 * sees it on the re-check, and one inserted before is removed by the deletion itself.
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

    if (!platforms) return this.discard(job.appId, job.message.messageId);

    const result = mapSegmentMessage(job.message, { platforms });
    const outcome = result.imported
      ? await this.storeEvent(job, result)
      : await this.storeSkipped(job, result);

    return this.keepUnlessAppDeleted(job.appId, job.message.messageId, outcome, () =>
      this.store.removeMessage(job.appId, job.message.messageId),
    );
  }

  async recordRejection(jobId: string, job: RecordRejectionJob): Promise<ImportOutcome | void> {
    if (!(await this.store.isAppActive(job.appId))) return this.discard(job.appId, job.messageId);

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

    return this.keepUnlessAppDeleted(job.appId, job.messageId, undefined, () =>
      this.store.removeRejection(jobId),
    );
  }

  private async keepUnlessAppDeleted<T>(
    appId: string,
    messageId: string | undefined,
    outcome: T,
    takeBack: () => Promise<void>,
  ): Promise<T | ImportOutcome> {
    if (await this.store.isAppActive(appId)) return outcome;

    await takeBack();

    return this.discard(appId, messageId);
  }

  private discard(appId: string, messageId: string | undefined): ImportOutcome {
    // The app was deleted with all its data on purpose: storing this would resurrect it.
    this.logger.warn({ appId, messageId, reason: 'app_deleted' }, 'discarded');

    return DISCARDED;
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
