import { Environment } from './environment';

/** Typed, grouped view of the validated environment; the only reader of configuration. */
export class AppConfig {
  constructor(private readonly env: Environment) {}

  get http() {
    return {
      host: this.env.HOST,
      port: this.env.PORT,
      trustProxy: this.env.TRUST_PROXY,
      requestTimeoutMs: this.env.REQUEST_TIMEOUT_MS,
      adminRateLimitPerMinute: this.env.ADMIN_RATE_LIMIT_PER_MINUTE,
    };
  }

  get mongo() {
    return {
      uri: this.env.MONGODB_URI,
      serverSelectionTimeoutMs: this.env.MONGODB_SERVER_SELECTION_TIMEOUT_MS,
    };
  }

  get redis() {
    return { url: this.env.REDIS_URL };
  }

  get queue() {
    return {
      prefix: this.env.QUEUE_PREFIX,
      enqueueTimeoutMs: this.env.ENQUEUE_TIMEOUT_MS,
      attempts: this.env.JOB_ATTEMPTS,
      backoffMs: this.env.JOB_BACKOFF_MS,
      workerConcurrency: this.env.WORKER_CONCURRENCY,
    };
  }

  get log() {
    const production = this.env.NODE_ENV === 'production';

    return {
      level: this.env.LOG_LEVEL,
      pretty: (this.env.LOG_FORMAT ?? (production ? 'json' : 'pretty')) === 'pretty',
    };
  }

  get security() {
    return {
      // validateEnvironment guarantees both outside and inside production.
      adminToken: this.env.ADMIN_TOKEN as string,
      secretsEncryptionKey: Buffer.from(this.env.SECRETS_ENCRYPTION_KEY as string, 'hex'),
    };
  }

  get auth() {
    return {
      appCacheTtlMs: this.env.APP_CACHE_TTL_MS,
      lookupTimeoutMs: this.env.AUTH_LOOKUP_TIMEOUT_MS,
    };
  }
}
