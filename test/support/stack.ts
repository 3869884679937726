import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { Connection, createConnection } from 'mongoose';
import request from 'supertest';

import { createIngestApp } from '../../apps/ingest/src/bootstrap';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { DEVELOPMENT_DEFAULTS } from '@sbi/config';

const DEFAULT_MONGODB_URI = 'mongodb://127.0.0.1:27017/segment_branch_import';
const DEFAULT_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The real ingest and worker apps, booted in this process against the real Redis and
 * MongoDB-wire server that `scripts/services.sh` starts. Each stack gets its own database and
 * queue prefix, so suites never see each other's data.
 */
export interface Stack {
  ingest: NestFastifyApplication;
  worker?: INestApplicationContext;
  baseUrl: string;
  db: Connection;
  env: Record<string, string>;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

export interface StackOptions {
  /** Without a worker, jobs stay queued: for tests of intake alone. */
  withWorker?: boolean;
  env?: Record<string, string>;
}

export const ADMIN_TOKEN = DEVELOPMENT_DEFAULTS.ADMIN_TOKEN;

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const suffix = randomBytes(4).toString('hex');
  const env: Record<string, string> = {
    MONGODB_URI: withDatabase(process.env.MONGODB_URI ?? DEFAULT_MONGODB_URI, `e2e_${suffix}`),
    QUEUE_PREFIX: `e2e-${suffix}`,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    LOG_FORMAT: 'json',
    APP_CACHE_TTL_MS: '0',
    JOB_BACKOFF_MS: '50',
    ...options.env,
  };
  const ingest = await createIngestApp(env);

  await ingest.listen(0, '127.0.0.1');

  const worker = options.withWorker === false ? undefined : await createWorkerApp(env);
  const baseUrl = await ingest.getUrl();
  const db = await createConnection(env.MONGODB_URI).asPromise();

  return {
    ingest,
    worker,
    baseUrl: baseUrl.replace('[::1]', '127.0.0.1'),
    db,
    env,
    http: () => request(ingest.getHttpServer()),
    close: async () => {
      await worker?.close();
      await ingest.close();
      await db.dropDatabase();
      await db.close();
      await deleteQueueKeys(env.REDIS_URL ?? DEFAULT_REDIS_URL, env.QUEUE_PREFIX);
    },
  };
}

/** Removes every Redis key of a test's queue prefix, so runs leave nothing behind. */
async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });

  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
  } catch {
    // The Redis-unreachable suite points at a closed port: there is nothing to clean there.
  } finally {
    redis.disconnect();
  }
}

/** Replaces the database name of a MongoDB URI, keeping host and options. */
export function withDatabase(uri: string, database: string): string {
  const url = new URL(uri);

  url.pathname = `/${database}`;

  return url.toString();
}

export interface CreatedApp {
  id: string;
  branchKey: string;
  branchSecret: string;
  /** Bearer key for this app's own admin routes. */
  adminKey: string;
}

export async function createApp(
  stack: Stack,
  body: Record<string, unknown> = { name: 'e2e app' },
): Promise<CreatedApp> {
  const response = await stack
    .http()
    .post('/admin/apps')
    .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
    .send(body)
    .expect(201);

  return response.body as CreatedApp;
}

/** Basic credentials as Segment clients send a write key: the secret alone, empty password. */
export function writeKeyAuth(app: CreatedApp): string {
  return `Basic ${Buffer.from(`${app.branchSecret}:`).toString('base64')}`;
}

/** Sends messages as a Segment webhook destination does: one per request, in order. */
export async function relayThroughWebhook(
  stack: Stack,
  app: CreatedApp,
  messages: object[],
): Promise<void> {
  for (const message of messages) {
    await stack
      .http()
      .post('/v1/webhooks/segment')
      .set('Authorization', writeKeyAuth(app))
      .send(message)
      .expect(200);
  }
}

/** Retries an assertion until it passes or the time is up, then throws its last error. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;

  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
