import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { AppConfig } from '@sbi/config';
import { App, PlatformSettings } from '@sbi/storage';

import { ApiError, ErrorCode } from '../common/api-error';
import { AppsRepository } from './apps.repository';
import { encryptSecret, generateCredentials, hashSecret } from './credentials';
import { CreateAppDto } from './dto/create-app.dto';

const DEFAULT_PLATFORMS: PlatformSettings = { ios: true, android: true, web: true };

/** An app as the admin API shows it: never a secret or its hash. */
export interface AppView {
  id: string;
  name: string;
  branchKey: string;
  platforms: PlatformSettings;
  hasWebhookSigningSecret: boolean;
  createdAt: Date;
  updatedAt: Date;
}

@Injectable()
export class AppsService {
  constructor(
    private readonly apps: AppsRepository,
    private readonly config: AppConfig,
  ) {}

  /** Creates an app; the returned Branch secret is shown this once and stored only hashed. */
  async create(dto: CreateAppDto): Promise<AppView & { branchSecret: string }> {
    const { branchKey, branchSecret } = generateCredentials();
    const key = this.config.security.secretsEncryptionKey;
    const app = await this.apps.create({
      _id: `app_${randomUUID().replace(/-/g, '')}`,
      name: dto.name,
      branchKey,
      secretHash: hashSecret(branchSecret),
      webhookSigningSecret: dto.webhookSigningSecret
        ? encryptSecret(dto.webhookSigningSecret, key)
        : undefined,
      platforms: { ...DEFAULT_PLATFORMS, ...dto.platforms },
    });

    return { ...toView(app), branchSecret };
  }

  async get(id: string): Promise<AppView> {
    return toView(await this.require(id));
  }

  async updatePlatforms(id: string, platforms: PlatformSettings): Promise<AppView> {
    const app = await this.apps.updatePlatforms(id, {
      ios: platforms.ios,
      android: platforms.android,
      web: platforms.web,
    });

    if (!app) throw notFound(id);

    return toView(app);
  }

  private async require(id: string): Promise<App> {
    const app = await this.apps.findById(id);

    if (!app) throw notFound(id);

    return app;
  }
}

function notFound(id: string): ApiError {
  return new ApiError(404, ErrorCode.NotFound, `No app with id ${id}.`);
}

function toView(app: App): AppView {
  return {
    id: app._id,
    name: app.name,
    branchKey: app.branchKey,
    platforms: app.platforms,
    hasWebhookSigningSecret: Boolean(app.webhookSigningSecret),
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
  };
}
