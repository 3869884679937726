import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { AppConfig } from '@sbi/config';
import { App, PlatformSettings } from '@sbi/storage';

import { ApiError, ErrorCode } from '../common/api-error';
import { AdminPrincipal, appNotFound } from './admin-principal';
import { AppsRepository } from './apps.repository';
import { encryptSecret, generateAdminKey, generateCredentials, hashSecret } from './credentials';
import { CreateAppDto } from './dto/create-app.dto';
import { DEFAULT_GRACE_SECONDS, RotateSecretDto } from './dto/rotate-secret.dto';
import { UpdateAppDto } from './dto/update-app.dto';

const DEFAULT_PLATFORMS: PlatformSettings = { ios: true, android: true, web: true };

/** An app as the admin API shows it: never a secret or a hash. */
export interface AppView {
  id: string;
  name: string;
  branchKey: string;
  platforms: PlatformSettings;
  hasWebhookSigningSecret: boolean;
  previousSecretExpiresAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** Shown once, at creation: afterwards only hashes are kept. */
export interface CreatedAppView extends AppView {
  branchSecret: string;
  adminKey: string;
}

@Injectable()
export class AppsService {
  private readonly logger = new Logger(AppsService.name);

  constructor(
    private readonly apps: AppsRepository,
    private readonly config: AppConfig,
  ) {}

  async create(dto: CreateAppDto): Promise<CreatedAppView> {
    const { branchKey, branchSecret } = generateCredentials();
    const adminKey = generateAdminKey();
    const app = await this.apps.create({
      _id: `app_${randomUUID().replace(/-/g, '')}`,
      name: dto.name,
      branchKey,
      secretHash: hashSecret(branchSecret),
      adminKeyHash: hashSecret(adminKey),
      webhookSigningSecret: this.encryptOptional(dto.webhookSigningSecret),
      platforms: { ...DEFAULT_PLATFORMS, ...dto.platforms },
    });

    this.logger.log({ appId: app._id }, 'app created');

    return { ...toView(app), branchSecret, adminKey };
  }

  /** The operator sees every app; an app key sees its own app only. */
  async list(principal: AdminPrincipal): Promise<AppView[]> {
    const apps = await this.apps.list(principal.kind === 'app' ? { id: principal.appId } : {});

    return apps.map(toView);
  }

  async get(id: string): Promise<AppView> {
    return toView(await this.require(id));
  }

  async update(id: string, dto: UpdateAppDto): Promise<AppView> {
    await this.require(id);

    const set: Record<string, unknown> = {};
    const unset: Record<string, 1> = {};

    if (dto.name !== undefined) set.name = dto.name;
    if (dto.platforms) set.platforms = pickPlatforms(dto.platforms);
    if (dto.webhookSigningSecret === null) unset.webhookSigningSecret = 1;
    if (dto.webhookSigningSecret) {
      set.webhookSigningSecret = this.encryptOptional(dto.webhookSigningSecret);
    }

    const app = await this.apps.update(id, {
      $set: set,
      ...(hasKeys(unset) ? { $unset: unset } : {}),
    });

    return toView(app ?? (await this.require(id)));
  }

  async updatePlatforms(id: string, platforms: PlatformSettings): Promise<PlatformSettings> {
    return (await this.update(id, { platforms })).platforms;
  }

  /**
   * Issues a new Branch secret. The old one keeps working for `graceSeconds` so senders can be
   * switched without losing events. Only one previous secret is kept, so a second rotation
   * during a grace period would cut off senders still on the oldest secret: it is refused
   * (409) unless `force` says that is intended.
   */
  async rotateSecret(id: string, options: RotateSecretDto = {}) {
    const app = await this.require(id);
    const graceSeconds = options.graceSeconds ?? DEFAULT_GRACE_SECONDS;

    if (isInGrace(app) && !options.force) {
      throw rotationInProgress(
        'The previous secret is still in its grace period; rotating again would cut it off. ' +
          'Wait until previousSecretExpiresAt, or send force: true.',
        app.previousSecretExpiresAt,
      );
    }

    // Of two rotations at once, one wins and the other is told so, instead of both handing
    // out a secret of which only the last would work.
    if (!(await this.apps.claimRotation(id, app.secretHash))) {
      throw rotationInProgress('Another rotation of this secret happened at the same time.');
    }

    const { branchSecret } = generateCredentials();
    const previousSecretExpiresAt = new Date(Date.now() + graceSeconds * 1000);
    const updated = await this.apps.update(id, {
      $set: {
        secretHash: hashSecret(branchSecret),
        previousSecretHash: app.secretHash,
        previousSecretExpiresAt,
      },
    });

    if (!updated) throw appNotFound(id);

    this.logger.log({ appId: id, graceSeconds }, 'secret rotated');

    return { ...toView(updated), branchSecret };
  }

  /** Replaces the app's admin key at once: the old key stops working immediately. */
  async rotateAdminKey(id: string) {
    await this.require(id);

    const adminKey = generateAdminKey();

    await this.apps.update(id, { $set: { adminKeyHash: hashSecret(adminKey) } });
    this.logger.log({ appId: id }, 'admin key rotated');

    return { id, adminKey };
  }

  /** Deletes the app with all its events; `confirm` must repeat the app id. */
  async delete(id: string, confirm: string | undefined) {
    await this.require(id);

    if (confirm !== id) {
      throw ApiError.badRequest(
        ErrorCode.ConfirmationRequired,
        `Deleting an app removes all its events. Repeat its id: ?confirm=${id}`,
      );
    }

    const deleted = await this.apps.deleteWithData(id);

    this.logger.log({ appId: id, ...deleted }, 'app deleted');

    return { id, deleted };
  }

  private async require(id: string): Promise<App> {
    const app = await this.apps.findById(id);

    if (!app) throw appNotFound(id);

    return app;
  }

  private encryptOptional(secret: string | undefined) {
    return secret ? encryptSecret(secret, this.config.security.secretsEncryptionKey) : undefined;
  }
}

function rotationInProgress(message: string, previousSecretExpiresAt?: Date): ApiError {
  return new ApiError(409, ErrorCode.RotationInProgress, message, { previousSecretExpiresAt });
}

function pickPlatforms(platforms: PlatformSettings): PlatformSettings {
  return { ios: platforms.ios, android: platforms.android, web: platforms.web };
}

function hasKeys(object: object): boolean {
  return Object.keys(object).length > 0;
}

function isInGrace(app: App): boolean {
  return app.previousSecretExpiresAt !== undefined && app.previousSecretExpiresAt > new Date();
}

function toView(app: App): AppView {
  const graceActive = isInGrace(app);

  return {
    id: app._id,
    name: app.name,
    branchKey: app.branchKey,
    platforms: app.platforms,
    hasWebhookSigningSecret: Boolean(app.webhookSigningSecret),
    ...(graceActive ? { previousSecretExpiresAt: app.previousSecretExpiresAt } : {}),
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
  };
}
