import { Analytics, TrackParams } from '@segment/analytics-node';

import { SegmentMessage } from '@sbi/segment';
import { decodeFieldNames } from '@sbi/storage';

import { readSamples, sample } from './support/samples';
import {
  createApp,
  CreatedApp,
  eventually,
  Stack,
  startStack,
  relayThroughWebhook,
} from './support/stack';

const IOS_PURCHASE = '4300277b-9fa5-4741-a2bb-daaabff583a0';
const ANDROID_PURCHASE = '96272681-5c78-4bf5-af4d-edc29652503e';
const WEB_PURCHASE = 'ajs-next-e5c0cd75-5140-4b35-ad7e-497685379f0d';
const CUSTOM_EVENT = 'fe3f354c-987c-4b9e-ac2a-f412262a003a';

/** What the sample stream must become: every skipped message with its reason. */
const EXPECTED_SKIPS: Record<string, string> = {
  'ajs-next-64cd787d-72fc-430c-a93a-59db1a9a11a3': 'web_logged_out',
  'ajs-next-813382dd-1a90-4b35-afaf-92fccc4f1712': 'web_missing_fingerprint',
  'a8699197-35ec-472b-af0a-29adb1455df7': 'unknown_platform',
  '9da9240c-806f-4be2-a999-3d109ea2c9d7': 'auto_tracked_by_branch',
  'c0b12282-daec-404a-a397-c32981821b0e': 'auto_tracked_by_branch',
  '886b161c-436b-41e0-af7e-99e3608af701': 'auto_tracked_by_branch',
  '66d3071f-3fa4-40c2-a43f-fb00259f6945': 'auto_tracked_by_branch',
  '582cc458-8fbd-41ad-a427-b79a56cdf5f5': 'auto_tracked_by_branch',
  '3ec11348-2a61-4d36-ab69-6b1b9bed5f85': 'not_a_track_event',
  'ajs-next-4013a737-e6ed-4e37-aa21-ede6e7efa272': 'not_a_track_event',
  'd435d965-ed05-41db-ab6b-32a0a305b308': 'not_a_track_event',
};

const IOS_USER_DATA = {
  developer_identity: 'user-1001',
  ip: '203.0.113.10',
  app_version: '5.2.1',
  screen_width: 393,
  screen_height: 852,
  language: 'en',
  country: 'US',
  os: 'iOS',
  os_version: '17.4',
  idfa: '9289941F-8A42-40FD-AC05-F11FAB6BC867',
  idfv: '78009B17-4AD8-45ED-A999-C73CEBE48F0F',
  limit_ad_tracking: false,
  model: 'iPhone15,2',
  brand: 'Apple',
};

const SNEAKER = {
  $content_schema: 'COMMERCE_PRODUCT',
  $canonical_identifier: 'sku-2201',
  $sku: 'SN-WHT-42',
  $product_name: 'Canvas Sneaker',
  $price: 64,
  $product_category: 'Shoes',
  $product_brand: 'Contoso',
  $product_variant: 'White / 42',
};

/** The stored documents, written out by hand from SPEC.md and the mapping README. */
const EXPECTED_EVENTS: Record<string, Record<string, unknown>> = {
  [IOS_PURCHASE]: {
    platform: 'ios',
    name: 'PURCHASE',
    category: 'commerce',
    user_data: IOS_USER_DATA,
    event_data: {
      transaction_id: 'ord-50001',
      coupon: 'SUMMER10',
      affiliation: 'App Store',
      shipping: 4.99,
      tax: 3.2,
      currency: 'USD',
      revenue: 39.5,
    },
    content_items: [
      {
        $content_schema: 'COMMERCE_PRODUCT',
        $canonical_identifier: 'sku-1042',
        $sku: 'TS-BLU-M',
        $product_name: 'Linen Shirt',
        $price: 39.5,
        $quantity: 1,
        $product_category: 'Apparel',
        $product_brand: 'Northwind',
        $product_variant: 'Blue / M',
        $canonical_url: 'https://shop.example.com/p/sku-1042',
        $og_image_url: 'https://cdn.example.com/sku-1042.jpg',
      },
    ],
    custom_data: {
      checkout_id: 'chk-1',
      total: '47.69',
      subtotal: '39.5',
      discount: '0',
      anonymousId: '87d5d7ef-616b-4a21-a6ad-22ab1befd449',
    },
    developerIdentity: 'user-1001',
    anonymousId: '87d5d7ef-616b-4a21-a6ad-22ab1befd449',
    timestamp: new Date('2026-11-30T09:04:56.000Z'),
  },
  [ANDROID_PURCHASE]: {
    platform: 'android',
    name: 'PURCHASE',
    category: 'commerce',
    user_data: {
      developer_identity: 'user-2002',
      ip: '198.51.100.10',
      app_version: '5.2.0',
      screen_width: 1080,
      screen_height: 2400,
      screen_dpi: 420,
      language: 'de',
      country: 'DE',
      os: 'Android',
      os_version: '14',
      aaid: '8ac1bf07-9a73-4265-a4c5-1a4227a1fb20',
      android_id: 'f2aee81c67e9e6a3',
      limit_ad_tracking: false,
      model: 'Pixel 8',
      brand: 'Google',
    },
    // Sent as "128.00" and "eur": parsed to a number and upper-cased.
    event_data: { transaction_id: 'ord-50002', currency: 'EUR', revenue: 128 },
    content_items: [{ ...SNEAKER, $quantity: 2 }],
    custom_data: { total: '128.00', anonymousId: '86753dee-b2b5-413d-aa88-469b1ba5da91' },
    developerIdentity: 'user-2002',
    anonymousId: '86753dee-b2b5-413d-aa88-469b1ba5da91',
    timestamp: new Date('2026-11-30T09:05:33.000Z'),
  },
  [WEB_PURCHASE]: {
    platform: 'web',
    name: 'PURCHASE',
    category: 'commerce',
    user_data: {
      developer_identity: 'user-3003',
      ip: '192.0.2.10',
      user_agent:
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 ' +
        '(KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      language: 'en',
      country: 'GB',
      os: 'MAC_OS',
      browser_fingerprint_id: '1198237459125732186',
    },
    event_data: { transaction_id: 'ord-50003', currency: 'GBP', revenue: 64 },
    content_items: [{ ...SNEAKER, $quantity: 1 }],
    custom_data: { anonymousId: '426b986d-c06f-4889-a101-878fb1101f44' },
    developerIdentity: 'user-3003',
    anonymousId: '426b986d-c06f-4889-a101-878fb1101f44',
    timestamp: new Date('2026-11-30T09:11:06.000Z'),
  },
  [CUSTOM_EVENT]: {
    platform: 'ios',
    name: 'Referral Sent',
    category: 'custom',
    user_data: IOS_USER_DATA,
    event_data: {},
    content_items: [],
    custom_data: {
      channel: 'sms',
      invitees: '3',
      premium: 'true',
      tags: '["summer","promo"]',
      anonymousId: 'e093f543-2abd-49e3-a587-51602155fa31',
    },
    developerIdentity: 'user-1001',
    anonymousId: 'e093f543-2abd-49e3-a587-51602155fa31',
    timestamp: new Date('2026-11-30T09:10:29.000Z'),
  },
};

const UNIQUE_MESSAGES = new Set(readSamples().map((message) => message.messageId)).size;
const IMPORTED_COUNT = UNIQUE_MESSAGES - Object.keys(EXPECTED_SKIPS).length;

describe('the sample stream, end to end', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(() => stack.close());

  async function waitForAll(app: CreatedApp) {
    await eventually(async () => {
      const stored = await stack.db.collection('events').countDocuments({ appId: app.id });
      const skipped = await stack.db
        .collection('skipped_messages')
        .countDocuments({ appId: app.id });

      expect({ stored, skipped }).toEqual({
        stored: IMPORTED_COUNT,
        skipped: Object.keys(EXPECTED_SKIPS).length,
      });
    }, 30000);
  }

  async function storedEvent(app: CreatedApp, messageId: string) {
    const doc = await stack.db.collection('events').findOne({ appId: app.id, messageId });

    expect(doc).not.toBeNull();

    return doc!;
  }

  async function skipReasons(app: CreatedApp) {
    const docs = await stack.db.collection('skipped_messages').find({ appId: app.id }).toArray();

    return Object.fromEntries(docs.map((doc) => [doc.messageId, doc.reason]));
  }

  describe('relayed as raw HTTP by a Segment webhook destination', () => {
    let app: CreatedApp;

    beforeAll(async () => {
      app = await createApp(stack, { name: 'raw http' });

      await relayThroughWebhook(stack, app, readSamples());

      await waitForAll(app);
    });

    it.each(Object.keys(EXPECTED_EVENTS))('stores %s exactly as mapped', async (messageId) => {
      const doc = await storedEvent(app, messageId);
      const original = sample(messageId);
      const { _id, storedAt, content_items, custom_data, ...rest } = doc;

      expect(_id).toBeDefined();
      expect(storedAt).toBeInstanceOf(Date);
      expect({
        ...rest,
        content_items: decodeFieldNames(content_items),
        custom_data: decodeFieldNames(custom_data),
      }).toEqual({
        appId: app.id,
        messageId,
        origin: 'SEGMENT',
        warnings: [],
        receivedAt: new Date(original.receivedAt as string),
        segmentMessage: JSON.stringify(original),
        ...EXPECTED_EVENTS[messageId],
      });
    });

    it('keeps Branch $-keys storable by encoding them', async () => {
      const doc = await storedEvent(app, IOS_PURCHASE);

      expect(doc.content_items[0]['%24sku']).toBe('TS-BLU-M');
    });

    it('records every skipped message with its reason', async () => {
      expect(await skipReasons(app)).toEqual(EXPECTED_SKIPS);
    });

    it('stores the duplicate delivery once', async () => {
      const deliveries = readSamples().filter((m) => m.messageId === IOS_PURCHASE).length;

      expect(deliveries).toBe(2);
      expect(
        await stack.db
          .collection('events')
          .countDocuments({ appId: app.id, messageId: IOS_PURCHASE }),
      ).toBe(1);
    });

    it('imports the lowercase name variant as a standard event', async () => {
      const doc = await storedEvent(app, '327d4217-35d7-40b3-a393-4b3c8fe0edf7');

      expect({ name: doc.name, category: doc.category }).toEqual({
        name: 'PURCHASE',
        category: 'commerce',
      });
    });
  });

  describe('sent by the real @segment/analytics-node client', () => {
    let app: CreatedApp;

    beforeAll(async () => {
      app = await createApp(stack, { name: 'analytics-node' });

      const analytics = new Analytics({
        writeKey: app.branchSecret,
        host: stack.baseUrl,
        flushAt: 10,
        flushInterval: 200,
      });

      for (const message of readSamples()) send(analytics, message);
      await analytics.closeAndFlush({ timeout: 20000 });
      await waitForAll(app);
    });

    it('imports and skips exactly what the raw stream does', async () => {
      expect(await skipReasons(app)).toEqual(EXPECTED_SKIPS);
    });

    it.each(Object.keys(EXPECTED_EVENTS))('stores %s with the same Branch event', async (id) => {
      const doc = await storedEvent(app, id);
      const expected = EXPECTED_EVENTS[id];
      const segmentMessage = JSON.parse(doc.segmentMessage) as SegmentMessage;

      expect({
        platform: doc.platform,
        name: doc.name,
        category: doc.category,
        user_data: doc.user_data,
        event_data: doc.event_data,
        content_items: decodeFieldNames(doc.content_items),
        custom_data: decodeFieldNames(doc.custom_data),
      }).toEqual({
        platform: expected.platform,
        name: expected.name,
        category: expected.category,
        user_data: expected.user_data,
        event_data: expected.event_data,
        content_items: expected.content_items,
        custom_data: expected.custom_data,
      });
      // The client stamps its own library and sentAt; ingest corrects the clock skew.
      expect(segmentMessage.context?.library?.name).toBe('@segment/analytics-node');
      expect(
        Math.abs(doc.timestamp.getTime() - (expected.timestamp as Date).getTime()),
      ).toBeLessThan(5000);
    });
  });
});

/** Replays one sample through the client call of its type, keeping its messageId. */
function send(analytics: Analytics, message: SegmentMessage): void {
  const common = {
    messageId: message.messageId,
    userId: message.userId ?? undefined,
    anonymousId: message.anonymousId ?? '',
    context: message.context as TrackParams['context'],
    timestamp: message.timestamp,
  };

  if (message.type === 'track') {
    analytics.track({
      ...common,
      event: message.event as string,
      properties: message.properties ?? {},
    });
  } else if (message.type === 'identify') {
    analytics.identify({ ...common, traits: message.traits ?? {} });
  } else if (message.type === 'page') {
    analytics.page({ ...common, name: message.name, properties: message.properties ?? {} });
  } else if (message.type === 'screen') {
    analytics.screen({ ...common, name: message.name, properties: message.properties ?? {} });
  } else {
    throw new Error(`the sample stream has no ${message.type} messages to send`);
  }
}
