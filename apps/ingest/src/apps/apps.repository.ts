import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { App, PlatformSettings } from '@sbi/storage';

/** MongoDB access for apps; the services above it hold the decisions. */
@Injectable()
export class AppsRepository {
  constructor(@InjectModel(App.name) private readonly apps: Model<App>) {}

  async create(app: Omit<App, 'createdAt' | 'updatedAt'>): Promise<App> {
    const created = await this.apps.create(app);

    return created.toObject();
  }

  findById(id: string): Promise<App | null> {
    return this.apps.findById(id).lean<App>().exec();
  }

  findByBranchKey(branchKey: string): Promise<App | null> {
    return this.apps.findOne({ branchKey }).lean<App>().exec();
  }

  findBySecretHash(secretHash: string): Promise<App | null> {
    return this.apps.findOne({ secretHash }).lean<App>().exec();
  }

  updatePlatforms(id: string, platforms: PlatformSettings): Promise<App | null> {
    return this.apps
      .findByIdAndUpdate(id, { $set: { platforms } }, { new: true })
      .lean<App>()
      .exec();
  }
}
