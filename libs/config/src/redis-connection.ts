import { RedisOptions } from 'ioredis';

/**
 * Turns `REDIS_URL` into ioredis options for BullMQ. `failFast` is for producers: commands
 * fail at once while Redis is unreachable instead of waiting in ioredis' offline queue, so
 * ingest can answer 503 quickly (BullMQ's advice for Queue instances). Workers keep the
 * defaults and wait for Redis to come back.
 */
export function redisConnectionOptions(url: string, failFast = false): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;

  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    ...(failFast
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 }
      : { maxRetriesPerRequest: null }),
  };
}
