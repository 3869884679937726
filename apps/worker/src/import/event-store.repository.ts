import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import {
  App,
  BranchEventRecord,
  encodeFieldNames,
  PlatformSettings,
  RejectedMessage,
  SkippedMessage,
} from '@sbi/storage';

/**
 * MongoDB writes of the worker. Every write is an upsert keyed by a unique index with
 * `$setOnInsert`, so running the same job twice (a retry after a crash between the write and
 * the job's completion, or a redelivery BullMQ no longer remembers) leaves one document.
 */
@Injectable()
export class EventStore implements OnModuleInit {
  constructor(
    @InjectModel(App.name) private readonly apps: Model<App>,
    @InjectModel(BranchEventRecord.name) private readonly events: Model<BranchEventRecord>,
    @InjectModel(SkippedMessage.name) private readonly skipped: Model<SkippedMessage>,
    @InjectModel(RejectedMessage.name) private readonly rejected: Model<RejectedMessage>,
  ) {}

  /** The unique indexes must exist before the first upsert, or a race could store twice. */
  async onModuleInit(): Promise<void> {
    await Promise.all([this.events.init(), this.skipped.init(), this.rejected.init()]);
  }

  /** Read per message, so a switch changed through the admin API applies without a restart. */
  async findPlatforms(appId: string): Promise<PlatformSettings | undefined> {
    const app = await this.apps.findById(appId, { platforms: 1 }).lean<App>().exec();

    return app?.platforms;
  }

  /** Returns true when this call stored the event, false when it was already there. */
  async saveEvent(record: BranchEventRecord): Promise<boolean> {
    const stored = {
      ...record,
      content_items: encodeFieldNames(record.content_items),
      custom_data: encodeFieldNames(record.custom_data),
    };
    const result = await this.events
      .updateOne(
        { appId: record.appId, messageId: record.messageId },
        { $setOnInsert: stored },
        { upsert: true },
      )
      .exec();

    return result.upsertedCount > 0;
  }

  async saveSkipped(record: SkippedMessage): Promise<boolean> {
    const result = await this.skipped
      .updateOne(
        { appId: record.appId, messageId: record.messageId },
        { $setOnInsert: record },
        { upsert: true },
      )
      .exec();

    return result.upsertedCount > 0;
  }

  async saveRejected(record: RejectedMessage): Promise<void> {
    await this.rejected
      .updateOne({ jobId: record.jobId }, { $setOnInsert: record }, { upsert: true })
      .exec();
  }
}
