import { sample } from './support/samples';
import {
  ADMIN_TOKEN,
  createApp,
  CreatedApp,
  eventually,
  Stack,
  startStack,
  writeKeyAuth,
} from './support/stack';

const WEB_PURCHASE = 'ajs-next-e5c0cd75-5140-4b35-ad7e-497685379f0d';
const IOS_PURCHASE = '4300277b-9fa5-4741-a2bb-daaabff583a0';
const WEB_NEWSLETTER = 'ajs-next-60d981ba-39ce-4cd5-a25c-481c30bc3fd3';

describe('per-app platform switches', () => {
  let stack: Stack;
  let app: CreatedApp;

  beforeAll(async () => {
    stack = await startStack();
    app = await createApp(stack, { name: 'switches' });
  });

  afterAll(() => stack.close());

  const admin = () => ({ Authorization: `Bearer ${ADMIN_TOKEN}` });

  async function send(messageId: string) {
    await stack
      .http()
      .post('/v1/batch')
      .set('Authorization', writeKeyAuth(app))
      .send({ batch: [sample(messageId)] })
      .expect(200);
  }

  async function outcome(messageId: string) {
    return eventually(async () => {
      const query = { appId: app.id, messageId };
      const event = await stack.db.collection('events').findOne(query);
      const skipped = await stack.db.collection('skipped_messages').findOne(query);

      expect(event ?? skipped).not.toBeNull();

      return event ? 'imported' : skipped!.reason;
    });
  }

  it('starts with every platform on', async () => {
    await stack
      .http()
      .get(`/admin/apps/${app.id}/platforms`)
      .set(admin())
      .expect(200, { ios: true, android: true, web: true });
  });

  it('skips web events with platform_disabled once web is off, while iOS still imports', async () => {
    await stack
      .http()
      .put(`/admin/apps/${app.id}/platforms`)
      .set(admin())
      .send({ ios: true, android: true, web: false })
      .expect(200, { ios: true, android: true, web: false });

    await send(WEB_PURCHASE);
    await send(IOS_PURCHASE);

    expect(await outcome(WEB_PURCHASE)).toBe('platform_disabled');
    expect(await outcome(IOS_PURCHASE)).toBe('imported');
  });

  it('imports web events again after web is switched back on, without a restart', async () => {
    await stack
      .http()
      .put(`/admin/apps/${app.id}/platforms`)
      .set(admin())
      .send({ ios: true, android: true, web: true })
      .expect(200);

    await send(WEB_NEWSLETTER);

    expect(await outcome(WEB_NEWSLETTER)).toBe('imported');
  });

  it('refuses an incomplete or mistyped switch set with the fields named', async () => {
    const response = await stack
      .http()
      .put(`/admin/apps/${app.id}/platforms`)
      .set(admin())
      .send({ ios: 'yes', web: false })
      .expect(400);

    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors).toEqual(
      expect.arrayContaining(['ios must be a boolean value', 'android must be a boolean value']),
    );
  });

  it('answers 404 for an unknown app and 401 without the operator token', async () => {
    const missing = await stack
      .http()
      .get('/admin/apps/app_missing/platforms')
      .set(admin())
      .expect(404);

    expect(missing.body.code).toBe('not_found');
    await stack.http().get(`/admin/apps/${app.id}/platforms`).expect(401);
  });
});
