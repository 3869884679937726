import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, UpdateQuery } from 'mongoose';

import {
  App,
  BranchEventRecord,
  insertOnce,
  RejectedMessage,
  SecretRotation,
  SkippedMessage,
} from '@sbi/storage';

/** MongoDB access for apps; the services above it hold the decisions. */
@Injectable()
export class AppsRepository implements OnModuleInit {
  constructor(
    @InjectModel(App.name) private readonly apps: Model<App>,
    @InjectModel(BranchEventRecord.name) private readonly events: Model<BranchEventRecord>,
    @InjectModel(SkippedMessage.name) private readonly skipped: Model<SkippedMessage>,
    @InjectModel(RejectedMessage.name) private readonly rejected: Model<RejectedMessage>,
    @InjectModel(SecretRotation.name) private readonly rotations: Model<SecretRotation>,
  ) {}

  /** The indexes of every collection written here must exist before the first write. */
  async onModuleInit(): Promise<void> {
    await Promise.all([this.apps.init(), this.rotations.init()]);
  }

  async create(app: Omit<App, 'createdAt' | 'updatedAt'>): Promise<App> {
    const created = await this.apps.create(app);

    return created.toObject();
  }

  list(filter: { id?: string } = {}): Promise<App[]> {
    const query = filter.id ? { _id: filter.id } : {};

    return this.apps.find(query).sort({ createdAt: 1 }).lean<App[]>().exec();
  }

  findById(id: string): Promise<App | null> {
    return this.apps.findById(id).lean<App>().exec();
  }

  findByBranchKey(branchKey: string): Promise<App | null> {
    return this.apps.findOne({ branchKey }).lean<App>().exec();
  }

  /** The app whose current or previous (rotated) secret has this hash. */
  findBySecretHash(secretHash: string): Promise<App | null> {
    return this.apps
      .findOne({ $or: [{ secretHash }, { previousSecretHash: secretHash }] })
      .lean<App>()
      .exec();
  }

  findByAdminKeyHash(adminKeyHash: string): Promise<App | null> {
    return this.apps.findOne({ adminKeyHash }).lean<App>().exec();
  }

  update(id: string, update: UpdateQuery<App>): Promise<App | null> {
    return this.apps.findByIdAndUpdate(id, update, { new: true }).lean<App>().exec();
  }

  /**
   * Claims the rotation away from `replacedSecretHash`: true for exactly one caller, however
   * many rotate at once (see SecretRotation).
   */
  claimRotation(appId: string, replacedSecretHash: string): Promise<boolean> {
    return insertOnce(this.rotations, { appId, replacedSecretHash, rotatedAt: new Date() });
  }

  /**
   * Deletes an app and everything stored for it. There are no transactions on the local
   * MongoDB-wire server, so the app is first marked as being deleted (ingest then refuses its
   * credentials and the worker discards its queued messages), then its data goes, then the app.
   * A crash in between leaves the mark, and deleting the same id again finishes the job.
   */
  async deleteWithData(id: string): Promise<{ events: number; skipped: number; rejected: number }> {
    await this.apps.updateOne({ _id: id }, { $set: { deletingAt: new Date() } }).exec();

    const [events, skipped, rejected] = await Promise.all([
      this.events.deleteMany({ appId: id }).exec(),
      this.skipped.deleteMany({ appId: id }).exec(),
      this.rejected.deleteMany({ appId: id }).exec(),
      this.rotations.deleteMany({ appId: id }).exec(),
    ]);

    await this.apps.deleteOne({ _id: id }).exec();

    return {
      events: events.deletedCount,
      skipped: skipped.deletedCount,
      rejected: rejected.deletedCount,
    };
  }
}
