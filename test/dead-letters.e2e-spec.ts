import { FerretDbProcess } from './support/ferretdb-process';
import { trackMessage } from './support/samples';
import {
  ADMIN_TOKEN,
  createApp,
  CreatedApp,
  eventually,
  Stack,
  startStack,
  writeKeyAuth,
} from './support/stack';

/**
 * MongoDB really goes away under the worker: jobs exhaust their retries, stay visible as dead
 * letters, and a replay after MongoDB is back stores each message exactly once.
 */
describe('dead letters and replay', () => {
  let mongo: FerretDbProcess;
  let stack: Stack;
  let app: CreatedApp;

  beforeAll(async () => {
    mongo = await FerretDbProcess.start();
    stack = await startStack({
      env: {
        MONGODB_URI: mongo.uri('dead_letters'),
        JOB_ATTEMPTS: '2',
        JOB_BACKOFF_MS: '100',
        MONGODB_SERVER_SELECTION_TIMEOUT_MS: '500',
        // Ingest keeps authenticating from its cache while MongoDB is down.
        APP_CACHE_TTL_MS: '600000',
      },
    });
    app = await createApp(stack, { name: 'dead letters' });
  });

  afterAll(async () => {
    await stack.close();
    await mongo.stop();
  });

  const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  const countStored = (messageId: string) =>
    stack.db.collection('events').countDocuments({ appId: app.id, messageId });

  async function send(...messages: ReturnType<typeof trackMessage>[]) {
    await stack
      .http()
      .post('/v1/batch')
      .set('Authorization', writeKeyAuth(app))
      .send({ batch: messages })
      .expect(200);
  }

  async function failedJobs() {
    const response = await stack.http().get(`/admin/apps/${app.id}/failed`).set(admin).expect(200);

    return response.body.items as { jobId: string; messageId: string; error: string }[];
  }

  it('keeps messages that failed while MongoDB was down as dead letters, and replays them once', async () => {
    const warmUp = trackMessage();
    const lost = [trackMessage(), trackMessage()];

    await send(warmUp);
    await eventually(async () => expect(await countStored(warmUp.messageId)).toBe(1));

    const uncached = await createApp(stack, { name: 'not yet seen by ingest' });

    await mongo.kill();
    await send(...lost);

    // A sender ingest has not cached yet cannot be looked up: a quick 503, never a 2xx or 500.
    const started = Date.now();
    const refused = await stack
      .http()
      .post('/v1/track')
      .set('Authorization', writeKeyAuth(uncached))
      .send(trackMessage())
      .expect(503);

    expect(refused.body.code).toBe('storage_unavailable');
    expect(refused.headers['retry-after']).toBe('5');
    expect(Date.now() - started).toBeLessThan(3000);
    // Two attempts, each waiting out the server-selection timeout, then the failed state.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await mongo.restart();

    const failed = await eventually(async () => {
      const jobs = await failedJobs();

      expect(jobs.map((job) => job.messageId).sort()).toEqual(
        lost.map((message) => message.messageId).sort(),
      );

      return jobs;
    });

    expect(failed[0].error).toMatch(/Server selection timed out|connect|ECONNREFUSED/i);

    const replay = await stack
      .http()
      .post(`/admin/apps/${app.id}/failed/replay`)
      .set(admin)
      .send({ jobIds: [failed[0].jobId, 'no-such-job'] })
      .expect(200);

    expect(replay.body).toEqual({ replayed: [failed[0].jobId], notFound: ['no-such-job'] });
    await stack
      .http()
      .post(`/admin/apps/${app.id}/failed/replay`)
      .set(admin)
      .send({ all: true })
      .expect(200);

    for (const message of lost) {
      await eventually(async () => expect(await countStored(message.messageId)).toBe(1));
    }

    expect(await failedJobs()).toEqual([]);
  });

  it('stores a message delivered twice once, and replaying an empty set changes nothing', async () => {
    const [message] = [trackMessage()];

    await send(message);
    await send(message);
    await stack
      .http()
      .post(`/admin/apps/${app.id}/failed/replay`)
      .set(admin)
      .send({ all: true })
      .expect(200, { replayed: [], notFound: [] });
    await eventually(async () => expect(await countStored(message.messageId)).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(await countStored(message.messageId)).toBe(1);
  });

  it('refuses a replay request that names nothing', async () => {
    const response = await stack
      .http()
      .post(`/admin/apps/${app.id}/failed/replay`)
      .set(admin)
      .send({})
      .expect(400);

    expect(response.body.code).toBe('validation_failed');
  });
});
