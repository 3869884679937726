import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import {
  App,
  BranchEventRecord,
  encodeFieldNames,
  insertOnce,
  PlatformSettings,
  RejectedMessage,
  SkippedMessage,
} from '@sbi/storage';

/**
 * MongoDB writes of the worker. Every write is an insert guarded by a unique index, so running
 * the same job twice (a retry after a crash between the write and the job's completion, or a
 * redelivery BullMQ no longer remembers) leaves one document: the second insert meets the
 * duplicate-key error and counts as "already stored". (An upsert with `$setOnInsert` would say
 * the same, but FerretDB silently drops empty arrays from it.)
 */
@Injectable()
export class EventStore implements OnModuleInit {
  constructor(
    @InjectModel(App.name) private readonly apps: Model<App>,
    @InjectModel(BranchEventRecord.name) private readonly events: Model<BranchEventRecord>,
    @InjectModel(SkippedMessage.name) private readonly skipped: Model<SkippedMessage>,
    @InjectModel(RejectedMessage.name) private readonly rejected: Model<RejectedMessage>,
  ) {}

  /** The unique indexes must exist before the first insert, or a race could store twice. */
  async onModuleInit(): Promise<void> {
    await Promise.all([this.events.init(), this.skipped.init(), this.rejected.init()]);
  }

  /**
   * Read per message, so a switch changed through the admin API applies without a restart.
   * Undefined when the app is gone or being deleted.
   */
  async findPlatforms(appId: string): Promise<PlatformSettings | undefined> {
    const app = await this.apps.findById(appId, { platforms: 1, deletingAt: 1 }).lean<App>().exec();

    return app && !app.deletingAt ? app.platforms : undefined;
  }

  async isAppActive(appId: string): Promise<boolean> {
    return (await this.findPlatforms(appId)) !== undefined;
  }

  /** Takes back what was stored for a message of an app that is being deleted. */
  async removeMessage(appId: string, messageId: string): Promise<void> {
    await Promise.all([
      this.events.deleteOne({ appId, messageId }).exec(),
      this.skipped.deleteOne({ appId, messageId }).exec(),
    ]);
  }

  async removeRejection(jobId: string): Promise<void> {
    await this.rejected.deleteOne({ jobId }).exec();
  }

  /** Returns true when this call stored the event, false when it was already there. */
  async saveEvent(record: BranchEventRecord): Promise<boolean> {
    const stored = {
      ...record,
      content_items: encodeFieldNames(record.content_items),
      custom_data: encodeFieldNames(record.custom_data),
    };

    return insertOnce(this.events, stored);
  }

  async saveSkipped(record: SkippedMessage): Promise<boolean> {
    return insertOnce(this.skipped, record);
  }

  async saveRejected(record: RejectedMessage): Promise<boolean> {
    return insertOnce(this.rejected, record);
  }
}
