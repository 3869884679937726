import { SKIP_REASON_DESCRIPTIONS } from '@sbi/mapping';
import { SegmentMessage } from '@sbi/segment';

import { readSamples, sample, trackMessage } from './support/samples';
import {
  ADMIN_TOKEN,
  createApp,
  CreatedApp,
  eventually,
  relayThroughWebhook,
  Stack,
  startStack,
  writeKeyAuth,
} from './support/stack';

const IOS_PURCHASE = '4300277b-9fa5-4741-a2bb-daaabff583a0';

/** How many messages of the sample stream each skip reason takes (see sample-stream spec). */
const EXPECTED_SKIP_COUNTS: Record<string, number> = {
  auto_tracked_by_branch: 5,
  not_a_track_event: 3,
  unknown_platform: 1,
  web_logged_out: 1,
  web_missing_fingerprint: 1,
};
const SKIPPED_COUNT = 11;
const UNIQUE_MESSAGES = new Set(readSamples().map((message) => message.messageId)).size;
const IMPORTED_COUNT = UNIQUE_MESSAGES - SKIPPED_COUNT;

const INSIGHTS_PATHS = [
  'status',
  'events',
  'skipped',
  'skipped/counts',
  'rejected',
  'rejected/counts',
];

interface EventItem {
  id: string;
  messageId: string;
  name: string;
  platform: string;
  category: string;
  timestamp: string;
  storedAt: string;
  user_data: { developer_identity?: string };
  segmentMessage?: SegmentMessage;
  [field: string]: unknown;
}

interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

describe('admin API: integration status, Liveview, skipped and rejected', () => {
  let stack: Stack;
  let app: CreatedApp;
  let other: CreatedApp;
  let badMessage: SegmentMessage;

  const events = () => stack.db.collection('events');
  const operator = (path: string) =>
    stack.http().get(path).set('Authorization', `Bearer ${ADMIN_TOKEN}`);

  async function waitForStored(target: CreatedApp, counts: Record<string, number>) {
    await eventually(async () => {
      const stored: Record<string, number> = {};

      for (const collection of Object.keys(counts)) {
        stored[collection] = await stack.db
          .collection(collection)
          .countDocuments({ appId: target.id });
      }

      expect(stored).toEqual(counts);
    }, 30000);
  }

  /** Liveview ids in the order the API must give them: newest storedAt first, then _id. */
  async function storedOrder(appId: string): Promise<string[]> {
    const docs = await events()
      .find({ appId }, { projection: { _id: 1 } })
      .sort({ storedAt: -1, _id: -1 })
      .toArray();

    return docs.map((doc) => doc._id.toHexString());
  }

  async function listEvents(query: string): Promise<EventItem[]> {
    const response = await operator(`/admin/apps/${app.id}/events?limit=200&${query}`).expect(200);

    expect(response.body.nextCursor).toBeNull();

    return response.body.items as EventItem[];
  }

  beforeAll(async () => {
    stack = await startStack();
    app = await createApp(stack, { name: 'insights' });
    other = await createApp(stack, { name: 'someone else' });
    badMessage = trackMessage({ event: '' });

    await relayThroughWebhook(stack, app, readSamples());
    // The good half is a redelivery of a stored sample, so the imported count stays put.
    await stack
      .http()
      .post('/v1/batch')
      .set('Authorization', writeKeyAuth(app))
      .send({ batch: [sample(IOS_PURCHASE), badMessage] })
      .expect(200);
    await waitForStored(app, {
      events: IMPORTED_COUNT,
      skipped_messages: SKIPPED_COUNT,
      rejected_messages: 1,
    });
  });

  afterAll(() => stack.close());

  describe('GET /admin/apps/:id/status', () => {
    it('shows every platform seen, with when', async () => {
      const { body } = await operator(`/admin/apps/${app.id}/status`).expect(200);

      for (const platform of ['ios', 'android', 'web']) {
        const imported = await events().findOne(
          { appId: app.id, platform },
          { sort: { storedAt: -1 } },
        );
        const skipped = await stack.db
          .collection('skipped_messages')
          .findOne({ appId: app.id, platform }, { sort: { recordedAt: -1 } });
        const lastSeenAt = Math.max(
          imported?.storedAt.getTime() ?? 0,
          skipped?.recordedAt.getTime() ?? 0,
        );

        expect(body.platforms[platform]).toEqual({
          seen: true,
          lastSeenAt: new Date(lastSeenAt).toISOString(),
          lastImportedAt: imported?.storedAt.toISOString(),
        });
      }
    });

    it('gives the newest event time overall', async () => {
      const { body } = await operator(`/admin/apps/${app.id}/status`).expect(200);
      const newest = await events().findOne({ appId: app.id }, { sort: { storedAt: -1 } });

      expect(body.lastEventAt).toBe(newest?.storedAt.toISOString());
    });

    it.each(['lastHour', 'lastDay'])('counts what happened in the %s', async (window) => {
      const { body } = await operator(`/admin/apps/${app.id}/status`).expect(200);

      expect(body.counts[window]).toEqual({
        from: expect.any(String),
        imported: IMPORTED_COUNT,
        skipped: { total: SKIPPED_COUNT, byReason: EXPECTED_SKIP_COUNTS },
        rejected: 1,
        failed: 0,
      });
    });

    it('shows nothing seen for an app without messages', async () => {
      const { body } = await operator(`/admin/apps/${other.id}/status`).expect(200);
      const unseen = { seen: false, lastSeenAt: null, lastImportedAt: null };

      expect(body.platforms).toEqual({ ios: unseen, android: unseen, web: unseen });
      expect(body.lastEventAt).toBeNull();
      expect(body.counts.lastDay).toMatchObject({ imported: 0, rejected: 0, failed: 0 });
    });
  });

  describe('GET /admin/apps/:id/events (Liveview)', () => {
    it('lists every event newest stored first, with the Branch event and its origin', async () => {
      const items = await listEvents('');

      expect(items.map((item) => item.id)).toEqual(await storedOrder(app.id));
      expect(items.every((item) => item.origin === 'SEGMENT')).toBe(true);
    });

    it('gives each row the Branch fields, with $-keys as sent', async () => {
      const items = await listEvents('user=user-1001&name=PURCHASE');
      const doc = await events().findOne({ appId: app.id, messageId: IOS_PURCHASE });

      expect(items).toHaveLength(1);
      expect(items[0]).toEqual({
        id: doc?._id.toHexString(),
        messageId: IOS_PURCHASE,
        origin: 'SEGMENT',
        platform: 'ios',
        name: 'PURCHASE',
        category: 'commerce',
        customer_event_alias: null,
        user_data: doc?.user_data,
        event_data: doc?.event_data,
        content_items: [expect.objectContaining({ $sku: 'TS-BLU-M', $price: 39.5 })],
        custom_data: expect.objectContaining({ checkout_id: 'chk-1', total: '47.69' }),
        timestamp: '2026-11-30T09:04:56.000Z',
        receivedAt: doc?.receivedAt.toISOString(),
        storedAt: doc?.storedAt.toISOString(),
        warnings: [],
      });
    });

    it.each([
      ['name', 'name=PURCHASE', { name: 'PURCHASE' }],
      ['platform', 'platform=web', { platform: 'web' }],
      ['user', 'user=user-2002', { developerIdentity: 'user-2002' }],
      ['category', 'category=custom', { category: 'custom' }],
    ])('narrows by %s to exactly the matching events', async (_filter, query, mongoFilter) => {
      const items = await listEvents(query);
      const expected = await events()
        .find({ appId: app.id, ...mongoFilter })
        .sort({ storedAt: -1, _id: -1 })
        .toArray();

      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(IMPORTED_COUNT);
      expect(items.map((item) => item.id)).toEqual(expected.map((doc) => doc._id.toHexString()));
    });

    it('narrows by event time, from inclusive and to exclusive', async () => {
      const from = '2026-11-30T09:05:33.000Z';
      const to = '2026-11-30T09:11:06.000Z';
      const items = await listEvents(`from=${from}&to=${to}`);
      const expected = await events().countDocuments({
        appId: app.id,
        timestamp: { $gte: new Date(from), $lt: new Date(to) },
      });

      expect(expected).toBeGreaterThan(1);
      expect(items).toHaveLength(expected);
      expect(items.map((item) => item.timestamp)).toContain(from);
      expect(items.map((item) => item.timestamp)).not.toContain(to);
      expect(items.every((item) => item.timestamp >= from && item.timestamp < to)).toBe(true);
    });

    it('narrows by origin', async () => {
      expect(await listEvents('origin=SEGMENT')).toHaveLength(IMPORTED_COUNT);
      expect(await listEvents('origin=API')).toEqual([]);
    });

    it('combines filters', async () => {
      const items = await listEvents('platform=android&name=PURCHASE');

      expect(items.length).toBeGreaterThan(0);
      expect(items.every((item) => item.platform === 'android' && item.name === 'PURCHASE')).toBe(
        true,
      );
    });

    it('matches nothing for an unknown value', async () => {
      expect(await listEvents('name=NO_SUCH_EVENT')).toEqual([]);
    });

    it('adds the original Segment message on include=segmentMessage only', async () => {
      const [withMessage] = await listEvents(`user=user-1001&name=PURCHASE&include=segmentMessage`);
      const [without] = await listEvents('user=user-1001&name=PURCHASE');

      expect(withMessage.segmentMessage).toEqual(sample(IOS_PURCHASE));
      expect(without).not.toHaveProperty('segmentMessage');
    });

    it.each([
      ['limit=0', 'validation_failed'],
      ['limit=201', 'validation_failed'],
      ['limit=ten', 'validation_failed'],
      ['platform=windows', 'validation_failed'],
      ['from=yesterday', 'validation_failed'],
      ['from=2026-11-30T10:00:00Z&to=2026-11-30T09:00:00Z', 'validation_failed'],
      ['include=everything', 'validation_failed'],
      ['colour=blue', 'validation_failed'],
      ['cursor=not-a-cursor', 'invalid_cursor'],
      [`cursor=${Buffer.from('{"at":"x","id":"y"}').toString('base64url')}`, 'invalid_cursor'],
    ])('answers 400 to %s', async (query, code) => {
      const response = await operator(`/admin/apps/${app.id}/events?${query}`).expect(400);

      expect(response.body).toMatchObject({ statusCode: 400, code });
    });
  });

  describe('Liveview paging while events arrive', () => {
    let paging: CreatedApp;

    beforeAll(async () => {
      paging = await createApp(stack, { name: 'paging' });
      await relayThroughWebhook(stack, paging, readSamples());
      await waitForStored(paging, { events: IMPORTED_COUNT, skipped_messages: SKIPPED_COUNT });
    });

    /** Sends a new event and waits until it is stored, so it lands between two page reads. */
    async function arriveDuringPaging(): Promise<string> {
      const message = trackMessage({ timestamp: new Date().toISOString() });

      await stack
        .http()
        .post('/v1/track')
        .set('Authorization', writeKeyAuth(paging))
        .send(message)
        .expect(200);
      await eventually(async () => {
        expect(await events().countDocuments({ messageId: message.messageId })).toBe(1);
      });

      return message.messageId;
    }

    it('returns exactly the events stored before the first page, in order, no gaps or repeats', async () => {
      const expected = await storedOrder(paging.id);
      const seen: string[] = [];
      const arrived: string[] = [];
      let cursor: string | null | undefined;

      do {
        const query = `limit=5${cursor ? `&cursor=${cursor}` : ''}`;
        const { body } = await operator(`/admin/apps/${paging.id}/events?${query}`).expect(200);
        const page = body as ListPage<EventItem>;

        expect(page.items.length).toBeLessThanOrEqual(5);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
        arrived.push(await arriveDuringPaging());
      } while (cursor);

      expect(expected).toHaveLength(IMPORTED_COUNT);
      expect(seen).toEqual(expected);
      expect(arrived.length).toBe(Math.ceil(IMPORTED_COUNT / 5));

      const { body: fresh } = await operator(`/admin/apps/${paging.id}/events?limit=5`).expect(200);

      expect(fresh.items.map((item: EventItem) => item.messageId)).toEqual(
        arrived.reverse().slice(0, 5),
      );
    });

    it('ends with a null cursor when the last page is exactly full', async () => {
      const total = await events().countDocuments({ appId: paging.id });
      const first = await operator(`/admin/apps/${paging.id}/events?limit=${total - 1}`).expect(
        200,
      );
      const last = await operator(
        `/admin/apps/${paging.id}/events?limit=1&cursor=${first.body.nextCursor}`,
      ).expect(200);

      expect(last.body.items).toHaveLength(1);
      expect(last.body.nextCursor).toBeNull();
    });
  });

  describe('Liveview paging across events stored in the same millisecond', () => {
    it('breaks ties by _id, so a page boundary inside a tie neither repeats nor skips', async () => {
      const ties = await createApp(stack, { name: 'ties' });
      const sameMoment = new Date('2026-11-30T10:00:00.000Z');

      // Written directly: the worker stores at most a few events per millisecond, too rarely
      // to land a page boundary inside a tie on purpose.
      await events().insertMany(
        Array.from({ length: 7 }, (_, i) => storedEventDoc(ties.id, `tie-${i}`, sameMoment)),
      );
      await events().insertMany([
        storedEventDoc(ties.id, 'before', new Date(sameMoment.getTime() - 1)),
        storedEventDoc(ties.id, 'after', new Date(sameMoment.getTime() + 1)),
      ]);

      const seen: string[] = [];
      let cursor: string | null | undefined;

      do {
        const query = `limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const { body } = await operator(`/admin/apps/${ties.id}/events?${query}`).expect(200);

        seen.push(...body.items.map((item: EventItem) => item.id));
        cursor = body.nextCursor;
      } while (cursor);

      expect(seen).toEqual(await storedOrder(ties.id));
      expect(seen).toHaveLength(9);
    });
  });

  describe('GET /admin/apps/:id/skipped and /skipped/counts', () => {
    it('lists every skipped message newest recorded first, with its reason', async () => {
      const { body } = await operator(`/admin/apps/${app.id}/skipped?limit=200`).expect(200);
      const docs = await stack.db
        .collection('skipped_messages')
        .find({ appId: app.id })
        .sort({ recordedAt: -1, _id: -1 })
        .toArray();

      expect(body.nextCursor).toBeNull();
      expect(body.items.map((item: { id: string }) => item.id)).toEqual(
        docs.map((doc) => doc._id.toHexString()),
      );
      expect(body.items[0]).toEqual({
        id: docs[0]._id.toHexString(),
        messageId: docs[0].messageId,
        type: docs[0].type,
        eventName: docs[0].eventName ?? null,
        platform: docs[0].platform ?? null,
        reason: docs[0].reason,
        detail: docs[0].detail,
        receivedAt: docs[0].receivedAt.toISOString(),
        recordedAt: docs[0].recordedAt.toISOString(),
      });
    });

    it('narrows by reason and adds the original message on request', async () => {
      const { body } = await operator(
        `/admin/apps/${app.id}/skipped?reason=not_a_track_event&include=segmentMessage`,
      ).expect(200);

      expect(body.items).toHaveLength(EXPECTED_SKIP_COUNTS.not_a_track_event);
      for (const item of body.items) {
        expect(item.reason).toBe('not_a_track_event');
        expect(item.segmentMessage).toEqual(sample(item.messageId));
      }
    });

    it('pages through all skipped messages without repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null | undefined;

      do {
        const query: string = cursor ? `limit=4&cursor=${cursor}` : 'limit=4';
        const { body } = await operator(`/admin/apps/${app.id}/skipped?${query}`).expect(200);

        seen.push(...body.items.map((item: { messageId: string }) => item.messageId));
        cursor = body.nextCursor;
      } while (cursor);

      expect(seen).toHaveLength(SKIPPED_COUNT);
      expect(new Set(seen).size).toBe(SKIPPED_COUNT);
    });

    it('counts per reason, most frequent first, with what each means', async () => {
      const { body } = await operator(`/admin/apps/${app.id}/skipped/counts`).expect(200);

      expect(body).toEqual({
        total: SKIPPED_COUNT,
        byReason: Object.entries(EXPECTED_SKIP_COUNTS).map(([reason, count]) => ({
          reason,
          count,
          description: SKIP_REASON_DESCRIPTIONS[reason as keyof typeof SKIP_REASON_DESCRIPTIONS],
        })),
      });
    });

    it('counts only within from and to', async () => {
      const future = new Date(Date.now() + 3600_000).toISOString();
      const past = new Date(Date.now() - 3600_000).toISOString();
      const empty = await operator(`/admin/apps/${app.id}/skipped/counts?from=${future}`);
      const all = await operator(`/admin/apps/${app.id}/skipped/counts?from=${past}&to=${future}`);

      expect(empty.body).toEqual({ total: 0, byReason: [] });
      expect(all.body.total).toBe(SKIPPED_COUNT);
    });
  });

  describe('GET /admin/apps/:id/rejected and /rejected/counts', () => {
    it('lists the rejected message with the reason the sender was told', async () => {
      const { body } = await operator(`/admin/apps/${app.id}/rejected`).expect(200);

      expect(body).toEqual({
        items: [
          {
            id: expect.stringMatching(/^[0-9a-f]{24}$/),
            messageId: badMessage.messageId,
            index: 1,
            reason: 'invalid_message',
            detail: 'event is required for a track message',
            receivedAt: expect.any(String),
            recordedAt: expect.any(String),
          },
        ],
        nextCursor: null,
      });
    });

    it('narrows by reason', async () => {
      const { body } = await operator(
        `/admin/apps/${app.id}/rejected?reason=message_too_large`,
      ).expect(200);

      expect(body).toEqual({ items: [], nextCursor: null });
    });

    it('counts per reason', async () => {
      const { body } = await operator(`/admin/apps/${app.id}/rejected/counts`).expect(200);

      expect(body).toEqual({
        total: 1,
        byReason: [{ reason: 'invalid_message', count: 1, description: expect.any(String) }],
      });
    });
  });

  describe('access', () => {
    const bearer = (token: string) => `Bearer ${token}`;

    it.each(['status', 'events'])("lets an app's admin key read its own %s", async (path) => {
      await stack
        .http()
        .get(`/admin/apps/${app.id}/${path}`)
        .set('Authorization', bearer(app.adminKey))
        .expect(200);
    });

    it.each(INSIGHTS_PATHS)(
      "answers 404 to an app's admin key on another app's %s",
      async (path) => {
        const response = await stack
          .http()
          .get(`/admin/apps/${other.id}/${path}`)
          .set('Authorization', bearer(app.adminKey))
          .expect(404);

        expect(response.body.code).toBe('not_found');
      },
    );

    it.each(INSIGHTS_PATHS)("answers 404 to the operator on an unknown app's %s", async (path) => {
      const response = await operator(`/admin/apps/app_missing/${path}`).expect(404);

      expect(response.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    });

    it.each(INSIGHTS_PATHS)('refuses the Branch secret as a bearer token on %s', async (path) => {
      await stack
        .http()
        .get(`/admin/apps/${app.id}/${path}`)
        .set('Authorization', bearer(app.branchSecret))
        .expect(401);
    });

    it.each(INSIGHTS_PATHS)('refuses ingest Basic credentials on %s', async (path) => {
      await stack
        .http()
        .get(`/admin/apps/${app.id}/${path}`)
        .set('Authorization', writeKeyAuth(app))
        .expect(401);
    });
  });
});

/** An events document as the worker writes it, with only what paging looks at varied. */
function storedEventDoc(appId: string, messageId: string, storedAt: Date) {
  return {
    appId,
    messageId,
    origin: 'SEGMENT',
    platform: 'ios',
    name: 'PURCHASE',
    category: 'commerce',
    user_data: { developer_identity: 'user-ties', os: 'iOS' },
    event_data: {},
    content_items: [],
    custom_data: {},
    developerIdentity: 'user-ties',
    warnings: [],
    timestamp: storedAt,
    receivedAt: storedAt,
    storedAt,
    segmentMessage: JSON.stringify(trackMessage({ messageId, userId: 'user-ties' })),
  };
}
