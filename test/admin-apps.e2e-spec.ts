import { createWorkerApp } from '../apps/worker/src/bootstrap';

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

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Endpoint {
  method: Method;
  path: (appId: string) => string;
  body?: Record<string, unknown>;
  /** Status when an app's key calls it for its own app. */
  ownStatus: number;
}

/** Every admin route that takes an app id. A new route must be added here. */
const APP_ENDPOINTS: Endpoint[] = [
  { method: 'get', path: (id) => `/admin/apps/${id}`, ownStatus: 200 },
  { method: 'patch', path: (id) => `/admin/apps/${id}`, body: { name: 'renamed' }, ownStatus: 200 },
  { method: 'get', path: (id) => `/admin/apps/${id}/platforms`, ownStatus: 200 },
  {
    method: 'put',
    path: (id) => `/admin/apps/${id}/platforms`,
    body: { ios: true, android: true, web: true },
    ownStatus: 200,
  },
  { method: 'get', path: (id) => `/admin/apps/${id}/status`, ownStatus: 200 },
  { method: 'get', path: (id) => `/admin/apps/${id}/events`, ownStatus: 200 },
  { method: 'get', path: (id) => `/admin/apps/${id}/skipped`, ownStatus: 200 },
  { method: 'get', path: (id) => `/admin/apps/${id}/skipped/counts`, ownStatus: 200 },
  { method: 'get', path: (id) => `/admin/apps/${id}/rejected`, ownStatus: 200 },
  { method: 'get', path: (id) => `/admin/apps/${id}/rejected/counts`, ownStatus: 200 },
  { method: 'get', path: (id) => `/admin/apps/${id}/failed`, ownStatus: 200 },
  {
    method: 'post',
    path: (id) => `/admin/apps/${id}/failed/replay`,
    body: { all: true },
    ownStatus: 200,
  },
  {
    method: 'post',
    path: (id) => `/admin/apps/${id}/secret/rotate`,
    body: { graceSeconds: 60 },
    ownStatus: 200,
  },
  { method: 'post', path: (id) => `/admin/apps/${id}/admin-key/rotate`, ownStatus: 200 },
  { method: 'delete', path: (id) => `/admin/apps/${id}?confirm=${id}`, ownStatus: 200 },
];

describe('admin API: apps, credentials and access', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(() => stack.close());

  const operator = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  function call(endpoint: Endpoint, appId: string, headers: Record<string, string>) {
    const request = stack.http()[endpoint.method](endpoint.path(appId)).set(headers);

    return endpoint.body ? request.send(endpoint.body) : request;
  }

  async function snapshot(appId: string) {
    const app = await stack.http().get(`/admin/apps/${appId}`).set(operator).expect(200);
    const events = await stack.db.collection('events').countDocuments({ appId });

    return { app: app.body, events };
  }

  describe('creating and reading apps', () => {
    it('creates an app and shows its secret and admin key only once', async () => {
      const created = await createApp(stack, { name: 'once' });
      const read = await stack.http().get(`/admin/apps/${created.id}`).set(operator).expect(200);

      expect(created).toMatchObject({
        branchKey: expect.stringMatching(/^key_live_/),
        branchSecret: expect.stringMatching(/^secret_live_/),
        adminKey: expect.stringMatching(/^sbi_admin_/),
      });
      expect(read.body).not.toHaveProperty('branchSecret');
      expect(read.body).not.toHaveProperty('adminKey');
      expect(JSON.stringify(read.body)).not.toContain(created.branchSecret);
    });

    it('answers 400 with the field named for a bad body', async () => {
      const response = await stack
        .http()
        .post('/admin/apps')
        .set(operator)
        .send({ name: '', extra: 1 })
        .expect(400);

      expect(response.body).toMatchObject({
        statusCode: 400,
        code: 'validation_failed',
        errors: expect.arrayContaining(['property extra should not exist']),
      });
    });

    it('lets only the operator create apps', async () => {
      const own = await createApp(stack, { name: 'creator?' });

      await stack
        .http()
        .post('/admin/apps')
        .set(bearer(own.adminKey))
        .send({ name: 'x' })
        .expect(403);
    });

    it('lists every app for the operator and only its own for an app key', async () => {
      const first = await createApp(stack, { name: 'list a' });
      const second = await createApp(stack, { name: 'list b' });
      const all = await stack.http().get('/admin/apps').set(operator).expect(200);
      const own = await stack.http().get('/admin/apps').set(bearer(first.adminKey)).expect(200);
      const ids = all.body.map((app: { id: string }) => app.id);

      expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
      expect(own.body.map((app: { id: string }) => app.id)).toEqual([first.id]);
    });

    it('serves an OpenAPI document that lists the admin routes', async () => {
      const response = await stack.http().get('/docs/openapi.json').expect(200);

      expect(Object.keys(response.body.paths)).toEqual(
        expect.arrayContaining([
          '/admin/apps',
          '/admin/apps/{id}',
          '/admin/apps/{id}/secret/rotate',
          '/admin/apps/{id}/failed/replay',
          '/v1/batch',
        ]),
      );
    });
  });

  describe('credentials', () => {
    it('keeps the old secret working during the grace, and refuses to cut it short unasked', async () => {
      const app = await createApp(stack, { name: 'rotate' });
      const send = (secret: string) =>
        stack
          .http()
          .post('/v1/track')
          .set('Authorization', `Basic ${Buffer.from(`${secret}:`).toString('base64')}`)
          .send(trackMessage());
      const rotated = await stack
        .http()
        .post(`/admin/apps/${app.id}/secret/rotate`)
        .set(operator)
        .send({ graceSeconds: 3600 })
        .expect(200);

      expect(rotated.body.branchSecret).not.toBe(app.branchSecret);
      expect(rotated.body.previousSecretExpiresAt).toBeDefined();
      await send(app.branchSecret).expect(200);
      await send(rotated.body.branchSecret).expect(200);

      const refused = await stack
        .http()
        .post(`/admin/apps/${app.id}/secret/rotate`)
        .set(operator)
        .send({ graceSeconds: 0 })
        .expect(409);

      expect(refused.body.code).toBe('rotation_in_progress');
      await send(app.branchSecret).expect(200);

      const again = await stack
        .http()
        .post(`/admin/apps/${app.id}/secret/rotate`)
        .set(operator)
        .send({ graceSeconds: 0, force: true })
        .expect(200);

      await send(app.branchSecret).expect(401);
      await send(rotated.body.branchSecret).expect(401);
      await send(again.body.branchSecret).expect(200);
    });

    it('lets one of several simultaneous rotations win, and every secret it hands out works', async () => {
      const app = await createApp(stack, { name: 'parallel rotate' });
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          stack
            .http()
            .post(`/admin/apps/${app.id}/secret/rotate`)
            .set(operator)
            .send({ graceSeconds: 3600 }),
        ),
      );
      const winners = answers.filter((answer) => answer.status === 200);

      expect(winners).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(7);
      await stack
        .http()
        .post('/v1/track')
        .set(
          'Authorization',
          `Basic ${Buffer.from(`${winners[0].body.branchSecret}:`).toString('base64')}`,
        )
        .send(trackMessage())
        .expect(200);
    });

    it.each([
      ['platforms as an array', { platforms: [{ ios: true, android: true, web: true }] }],
      ['a null name', { name: null }],
    ])('refuses to PATCH %s', async (_case, body) => {
      const app = await createApp(stack, { name: 'patched' });
      const response = await stack
        .http()
        .patch(`/admin/apps/${app.id}`)
        .set(operator)
        .send(body)
        .expect(400);

      expect(response.body.code).toBe('validation_failed');
      expect((await snapshot(app.id)).app).toMatchObject({
        name: 'patched',
        platforms: { ios: true, android: true, web: true },
      });
    });

    it('stops the old admin key at once when it is rotated', async () => {
      const app = await createApp(stack, { name: 'admin key' });
      const rotated = await stack
        .http()
        .post(`/admin/apps/${app.id}/admin-key/rotate`)
        .set(bearer(app.adminKey))
        .expect(200);

      await stack.http().get(`/admin/apps/${app.id}`).set(bearer(app.adminKey)).expect(401);
      await stack
        .http()
        .get(`/admin/apps/${app.id}`)
        .set(bearer(rotated.body.adminKey))
        .expect(200);
    });

    it.each([
      ['Basic ingest credentials', (app: CreatedApp) => writeKeyAuth(app)],
      ['the Branch secret as a bearer token', (app: CreatedApp) => `Bearer ${app.branchSecret}`],
      ['the Branch key as a bearer token', (app: CreatedApp) => `Bearer ${app.branchKey}`],
    ])('refuses %s on admin routes', async (_case, header) => {
      const app = await createApp(stack, { name: 'ingest creds' });

      for (const endpoint of APP_ENDPOINTS.filter((e) => e.method === 'get')) {
        const refused = await call(endpoint, app.id, { Authorization: header(app) }).expect(401);

        expect(refused.headers['www-authenticate']).toBe('Bearer');
        expect(refused.body.message).toContain('Bearer');
      }
    });
  });

  describe('isolation between apps', () => {
    it('covers every admin route that takes an app id, as the OpenAPI document lists them', async () => {
      const document = await stack.http().get('/docs/openapi.json').expect(200);
      const documented = Object.entries(document.body.paths as Record<string, object>)
        .filter(([path]) => path.startsWith('/admin/apps/{id}'))
        .flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m} ${path}`));
      const tested = APP_ENDPOINTS.map(
        (endpoint) => `${endpoint.method} ${endpoint.path('{id}').split('?')[0]}`,
      );

      expect(new Set(tested)).toEqual(new Set(documented));
    });

    it.each(
      APP_ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.path(':id')}`, endpoint]),
    )(
      '%s: works for the own app and answers 404 for another app, changing nothing',
      async (_name, endpoint) => {
        const mine = await createApp(stack, { name: 'mine' });
        const theirs = await createApp(stack, { name: 'theirs' });

        await stack
          .http()
          .post('/v1/track')
          .set('Authorization', writeKeyAuth(theirs))
          .send(trackMessage())
          .expect(200);
        await eventually(async () => expect((await snapshot(theirs.id)).events).toBe(1));

        const before = await snapshot(theirs.id);
        const denied = await call(endpoint, theirs.id, bearer(mine.adminKey)).expect(404);

        expect(denied.body.code).toBe('not_found');
        expect(await snapshot(theirs.id)).toEqual(before);
        await call(endpoint, mine.id, bearer(mine.adminKey)).expect(endpoint.ownStatus);
      },
    );
  });

  describe('deleting', () => {
    it('asks for confirmation, then removes the app with its events', async () => {
      const app = await createApp(stack, { name: 'doomed' });
      const message = trackMessage();

      await stack
        .http()
        .post('/v1/track')
        .set('Authorization', writeKeyAuth(app))
        .send(message)
        .expect(200);
      await eventually(async () => expect((await snapshot(app.id)).events).toBe(1));

      const unconfirmed = await stack
        .http()
        .delete(`/admin/apps/${app.id}`)
        .set(operator)
        .expect(400);

      expect(unconfirmed.body.code).toBe('confirmation_required');

      const deleted = await stack
        .http()
        .delete(`/admin/apps/${app.id}?confirm=${app.id}`)
        .set(operator)
        .expect(200);

      expect(deleted.body.deleted).toMatchObject({ events: 1 });
      await stack.http().get(`/admin/apps/${app.id}`).set(operator).expect(404);
      await stack
        .http()
        .post('/v1/track')
        .set('Authorization', writeKeyAuth(app))
        .send(trackMessage())
        .expect(401);
      expect(await stack.db.collection('events').countDocuments({ appId: app.id })).toBe(0);
    });
  });
});

describe('deleting an app with messages still queued', () => {
  let stack: Stack;

  beforeAll(async () => {
    // No worker yet: the messages wait in the queue while the app is deleted.
    stack = await startStack({ withWorker: false, env: { APP_CACHE_TTL_MS: '60000' } });
  });

  afterAll(() => stack.close());

  it('stores none of them, imports or rejections, once a worker runs', async () => {
    const app = await createApp(stack, { name: 'queued then deleted' });
    const good = trackMessage();
    const bad = trackMessage({ event: '' });

    await stack
      .http()
      .post('/v1/batch')
      .set('Authorization', writeKeyAuth(app))
      .send({ batch: [good, bad] })
      .expect(200);
    await stack
      .http()
      .delete(`/admin/apps/${app.id}?confirm=${app.id}`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);

    const worker = await createWorkerApp(stack.env);

    try {
      await eventually(async () => {
        const queue = await stack
          .http()
          .get('/metrics')
          .set('Authorization', `Bearer ${ADMIN_TOKEN}`);

        expect(queue.text).toMatch(/sbi_queue_jobs\{state="waiting"\} 0/);
        expect(queue.text).toMatch(/sbi_queue_jobs\{state="active"\} 0/);
      });

      for (const name of ['events', 'skipped_messages', 'rejected_messages']) {
        expect(await stack.db.collection(name).countDocuments({ appId: app.id })).toBe(0);
      }
    } finally {
      await worker.close();
    }
  });
});

describe('admin API rate limit', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ withWorker: false, env: { ADMIN_RATE_LIMIT_PER_MINUTE: '5' } });
  });

  afterAll(() => stack.close());

  it('answers 429 with Retry-After past the limit, counting refused tokens too', async () => {
    const statuses: number[] = [];
    // One budget per client across routes, not per route.
    const paths = ['/admin/apps', '/admin/apps/app_a', '/metrics', '/admin/apps/app_b/events'];

    for (let i = 0; i < 6; i += 1) {
      const response = await stack
        .http()
        .get(paths[i % paths.length])
        .set('Authorization', 'Bearer guess');

      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.body.code).toBe('rate_limited');
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
    }

    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('never limits intake or health', async () => {
    for (let i = 0; i < 8; i += 1) {
      await stack.http().get('/health/live').expect(200);
      await stack.http().post('/v1/track').send({}).expect(401);
    }
  });
});
