import { Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';

import { AppConfig } from '@sbi/config';
import { App } from '@sbi/storage';

import { ApiError, ErrorCode } from '../common/api-error';
import { withTimeout } from '../common/with-timeout';
import { AppsRepository } from './apps.repository';
import { constantTimeEquals, decryptSecret, hashSecret, parseBasicAuth } from './credentials';

/** What the intake routes need to know about the app a request authenticated as. */
export interface AuthenticatedApp {
  id: string;
  /** Decrypted once per cache entry; undefined when the app has no webhook signing secret. */
  webhookSigningSecret?: string;
}

/**
 * Resolves the app behind a Segment request's Basic credentials: either Branch key as user and
 * secret as password, or the secret alone as user (how Segment clients send a write key).
 * Successful look-ups are cached for APP_CACHE_TTL_MS, keyed by a hash of the credentials, so
 * the hot path does not query MongoDB per request; failures are not cached. A rotated-out
 * secret or a deleted app may therefore still be accepted for up to that long.
 */
@Injectable()
export class AppAuthenticator {
  private readonly logger = new Logger(AppAuthenticator.name);
  private readonly cache: LRUCache<string, AuthenticatedApp>;

  constructor(
    private readonly apps: AppsRepository,
    private readonly config: AppConfig,
  ) {
    this.cache = new LRUCache({ max: 10_000, ttl: Math.max(config.auth.appCacheTtlMs, 1) });
  }

  /** Throws the intake 401 for anything but valid credentials of an existing app. */
  async authenticate(authorization: unknown): Promise<AuthenticatedApp> {
    const credentials = parseBasicAuth(authorization);

    if (!credentials || credentials.user === '') {
      throw this.refuse('no HTTP Basic credentials');
    }

    const cacheKey = hashSecret(`${credentials.user}\u0000${credentials.password}`);
    const cached = this.config.auth.appCacheTtlMs > 0 ? this.cache.get(cacheKey) : undefined;

    if (cached) return cached;

    const app = await this.findAppInTime(credentials.user, credentials.password);

    if (!app) {
      throw this.refuse(credentials.password === '' ? 'unknown write key' : 'wrong key or secret');
    }

    const authenticated = this.toAuthenticated(app);

    this.cache.set(cacheKey, authenticated);

    return authenticated;
  }

  /** Logs why (never the credentials) and returns the uniform 401. */
  private refuse(reason: string): ApiError {
    this.logger.warn({ reason }, 'intake credentials refused');

    return ApiError.unauthorized('intake');
  }

  /**
   * MongoDB being down must not hold a sender for the driver's full server-selection wait:
   * past AUTH_LOOKUP_TIMEOUT_MS the request gets a 503 and is retried by Segment.
   */
  private findAppInTime(user: string, password: string): Promise<App | null> {
    return withTimeout(
      this.findApp(user, password),
      this.config.auth.lookupTimeoutMs,
      storageUnavailable,
    );
  }

  private async findApp(user: string, password: string): Promise<App | null> {
    const secretHash = hashSecret(password === '' ? user : password);
    const app =
      password === ''
        ? await this.apps.findBySecretHash(secretHash)
        : await this.apps.findByBranchKey(user);

    return app && !app.deletingAt && acceptsSecret(app, secretHash, new Date()) ? app : null;
  }

  private toAuthenticated(app: App): AuthenticatedApp {
    const key = this.config.security.secretsEncryptionKey;

    return {
      id: app._id,
      webhookSigningSecret: app.webhookSigningSecret
        ? decryptSecret(app.webhookSigningSecret, key)
        : undefined,
    };
  }
}

/** The current secret, or the previous one while its rotation grace lasts. */
function acceptsSecret(app: App, secretHash: string, now: Date): boolean {
  const current = constantTimeEquals(app.secretHash, secretHash);
  const previous =
    app.previousSecretHash !== undefined &&
    app.previousSecretExpiresAt !== undefined &&
    app.previousSecretExpiresAt > now &&
    constantTimeEquals(app.previousSecretHash, secretHash);

  return current || previous;
}

function storageUnavailable(): ApiError {
  return new ApiError(
    503,
    ErrorCode.StorageUnavailable,
    'The database did not answer in time. Retry later.',
  );
}
