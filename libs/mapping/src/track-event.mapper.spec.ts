import { IdentitySkipReason } from '@sbi/identity';

import { MappingWarningCode } from './mapping-warning.constants';
import type { BranchEvent, MappingResult } from './mapping.types';
import { SkipReason, SKIP_REASON_DESCRIPTIONS } from './skip-reason.constants';
import { buildTrack, buildWebTrack } from './testing/track-message.fixture';
import { mapSegmentMessage } from './track-event.mapper';

function mapEvent(overrides: Record<string, unknown> = {}): BranchEvent {
  const result = mapSegmentMessage(buildTrack(overrides));

  if (!result.imported) {
    throw new Error(`expected an import, got ${result.reason}: ${result.detail}`);
  }

  return result.event;
}

function mapProperties(
  properties: Record<string, unknown>,
  event = 'Order Completed',
): MappingResult {
  return mapSegmentMessage(buildTrack({ event, properties }));
}

function codesOf(result: MappingResult): string[] {
  return result.warnings.map((warning) => warning.code);
}

describe('mapSegmentMessage: decisions', () => {
  it.each<[string, unknown, string]>([
    ['a string', 'hello', SkipReason.InvalidMessage],
    ['null', null, SkipReason.InvalidMessage],
    ['an array', [buildTrack()], SkipReason.InvalidMessage],
    ['no messageId', buildTrack({ messageId: undefined }), SkipReason.InvalidMessage],
    ['a blank messageId', buildTrack({ messageId: '  ' }), SkipReason.InvalidMessage],
    ['a numeric messageId', buildTrack({ messageId: 42 }), SkipReason.InvalidMessage],
    ['no type', buildTrack({ type: undefined }), SkipReason.InvalidMessage],
    ['array properties', buildTrack({ properties: [1] }), SkipReason.InvalidMessage],
    ['an identify', buildTrack({ type: 'identify' }), SkipReason.NotATrackEvent],
    ['a page', buildTrack({ type: 'page' }), SkipReason.NotATrackEvent],
    ['a screen', buildTrack({ type: 'screen' }), SkipReason.NotATrackEvent],
    ['a group', buildTrack({ type: 'group' }), SkipReason.NotATrackEvent],
    ['an alias', buildTrack({ type: 'alias' }), SkipReason.NotATrackEvent],
    ['a delete', buildTrack({ type: 'delete' }), SkipReason.NotATrackEvent],
    ['an unknown type', buildTrack({ type: 'teleport' }), SkipReason.NotATrackEvent],
    ['no event name', buildTrack({ event: undefined }), SkipReason.InvalidMessage],
    ['a blank event name', buildTrack({ event: ' \t' }), SkipReason.InvalidMessage],
    ['a numeric event name', buildTrack({ event: 7 }), SkipReason.InvalidMessage],
    [
      'an auto-tracked name',
      buildTrack({ event: 'Deep Link Opened' }),
      SkipReason.AutoTrackedByBranch,
    ],
    [
      'no usable time',
      buildTrack({ timestamp: 'x', receivedAt: undefined }),
      SkipReason.InvalidMessage,
    ],
  ])('skips %s', (_case, message, reason) => {
    const result = mapSegmentMessage(message);

    expect(result).toMatchObject({ imported: false, reason });
    expect(result.imported === false && result.detail.length).toBeGreaterThan(10);
  });

  it('says which type was skipped', () => {
    const result = mapSegmentMessage(buildTrack({ type: 'delete' }));

    expect(result.imported === false && result.detail).toContain('"delete"');
  });

  it('accepts a track type in another case', () => {
    expect(mapSegmentMessage(buildTrack({ type: ' Track ' })).imported).toBe(true);
  });

  it('checks the event name before identity: an auto-tracked event with no identity', () => {
    const message = buildTrack({ event: 'Application Opened', userId: undefined, context: {} });

    expect(mapSegmentMessage(message)).toMatchObject({ reason: SkipReason.AutoTrackedByBranch });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'no identifier',
      { userId: undefined, context: { os: { name: 'iOS' } } },
      'no_user_identifier',
    ],
    ['no platform', { context: {} }, 'unknown_platform'],
  ])('passes the identity reason through for %s', (_case, overrides, reason) => {
    expect(mapSegmentMessage(buildTrack(overrides))).toMatchObject({ imported: false, reason });
  });

  it('skips a platform that is switched off', () => {
    const result = mapSegmentMessage(buildTrack(), { platforms: { ios: false } });

    expect(result).toMatchObject({ reason: IdentitySkipReason.PlatformDisabled, platform: 'ios' });
  });

  it('imports with user_data from identity and the platform', () => {
    const result = mapSegmentMessage(buildTrack());

    expect(result).toMatchObject({
      imported: true,
      platform: 'ios',
      event: { user_data: { developer_identity: 'user-1001', idfa: 'IDFA-1', idfv: 'IDFV-1' } },
    });
  });

  it('has a description for every skip reason, identity ones included', () => {
    for (const reason of Object.values(SkipReason)) {
      expect(SKIP_REASON_DESCRIPTIONS[reason]).toMatch(/\.$/);
    }
    expect(Object.values(SkipReason)).toEqual(
      expect.arrayContaining(Object.values(IdentitySkipReason)),
    );
  });
});

describe('mapSegmentMessage: name, alias and timestamp', () => {
  it('keeps a custom name exactly as sent, spaces included', () => {
    expect(mapEvent({ event: ' Referral  Sent ' })).toMatchObject({
      name: ' Referral  Sent ',
      category: 'custom',
    });
  });

  it('keeps a variant spelling of a standard event as customer_event_alias', () => {
    expect(mapEvent({ event: 'order completed' })).toMatchObject({
      name: 'PURCHASE',
      customer_event_alias: 'order completed',
    });
  });

  it('sets no alias for the canonical Segment spelling or the Branch constant', () => {
    expect(mapEvent({ event: 'Order Completed' })).not.toHaveProperty('customer_event_alias');
    expect(mapEvent({ event: 'PURCHASE' })).not.toHaveProperty('customer_event_alias');
  });

  it('uses properties.customer_event_alias, and warns when it hides a variant spelling', () => {
    const result = mapProperties({ customer_event_alias: 'subscription' }, 'ORDER completed');

    expect(result).toMatchObject({ event: { customer_event_alias: 'subscription' } });
    expect(result.imported && result.event.custom_data).not.toHaveProperty('customer_event_alias');
    expect(codesOf(result)).toEqual([MappingWarningCode.AliasOverridden]);
  });

  it('writes the event time as ISO-8601 UTC', () => {
    expect(mapEvent({ timestamp: '2026-11-30T10:00:00+01:00' }).timestamp).toBe(
      '2026-11-30T09:00:00.000Z',
    );
  });

  it('falls back to receivedAt with a warning', () => {
    const result = mapSegmentMessage(buildTrack({ timestamp: undefined }));

    expect(result).toMatchObject({ event: { timestamp: '2026-11-30T09:00:00.412Z' } });
    expect(codesOf(result)).toEqual([MappingWarningCode.TimestampFallback]);
  });
});

describe('mapSegmentMessage: event_data', () => {
  it.each<[string, unknown, string, unknown]>([
    ['order_id', 'ord-1', 'transaction_id', 'ord-1'],
    ['order_id', 50001, 'transaction_id', '50001'],
    ['coupon', 'SUMMER10', 'coupon', 'SUMMER10'],
    ['affiliation', 'App Store', 'affiliation', 'App Store'],
    ['description', 'Gift', 'description', 'Gift'],
    ['query', 'linen shirt', 'search_query', 'linen shirt'],
    ['shipping', 4.99, 'shipping', 4.99],
    ['shipping', '4.99', 'shipping', 4.99],
    ['tax', 3.2, 'tax', 3.2],
    ['currency', 'usd', 'currency', 'USD'],
    ['revenue', '128.00', 'revenue', 128],
  ])('maps properties.%s %j to event_data.%s', (property, value, field, expected) => {
    const result = mapProperties({ [property]: value, currency: 'USD' });

    expect(result).toMatchObject({ event: { event_data: { [field]: expected } } });
    expect(result.imported && result.event.custom_data).not.toHaveProperty(property);
  });

  it.each<[string, unknown, string]>([
    ['order_id', { id: 1 }, MappingWarningCode.InvalidText],
    ['coupon', ['A', 'B'], MappingWarningCode.InvalidText],
    ['shipping', 'free', MappingWarningCode.InvalidNumber],
    ['tax', '1,50', MappingWarningCode.InvalidNumber],
    ['revenue', 'lots', MappingWarningCode.InvalidNumber],
    ['currency', 'Euro', MappingWarningCode.InvalidCurrency],
  ])(
    'keeps an unusable properties.%s %j in custom_data with a warning',
    (property, value, code) => {
      const result = mapProperties({ [property]: value });

      expect(result.imported && result.event.custom_data[property]).toBe(
        typeof value === 'string' ? value : JSON.stringify(value),
      );
      expect(result.warnings).toContainEqual(
        expect.objectContaining({ code, field: `properties.${property}` }),
      );
    },
  );

  it('keeps an unknown three-letter currency with a warning', () => {
    const result = mapProperties({ currency: 'xbt', revenue: 1 });

    expect(result).toMatchObject({ event: { event_data: { currency: 'XBT' } } });
    expect(codesOf(result)).toEqual([MappingWarningCode.UnknownCurrency]);
  });

  it('warns about a revenue without a currency', () => {
    expect(codesOf(mapProperties({ revenue: 5 }))).toEqual([
      MappingWarningCode.RevenueWithoutCurrency,
    ]);
  });

  it('treats null as no value: no event_data field, "null" in custom_data, no warning', () => {
    const result = mapProperties({ coupon: null, revenue: null, currency: 'USD' });

    expect(result).toMatchObject({
      event: { event_data: { currency: 'USD' }, custom_data: { coupon: 'null', revenue: 'null' } },
      warnings: [],
    });
  });
});

describe('mapSegmentMessage: revenue precedence', () => {
  const product = { product_id: 'p', price: 10, quantity: 2 };

  it.each<[string, Record<string, unknown>, number | undefined, boolean]>([
    ['revenue first', { revenue: 39.5, total: 47.69, shipping: 4.99, tax: 3.2 }, 39.5, false],
    ['total when no revenue', { total: 47.69, value: 47.69 }, 47.69, false],
    ['value when no revenue or total', { value: 12 }, 12, false],
    ['the products sum last', { products: [product, { price: 5 }] }, 25, false],
    ['revenue over disagreeing products', { revenue: 30, products: [product] }, 30, true],
    ['revenue over a disagreeing value', { revenue: 30, value: 31 }, 30, true],
    [
      'total = revenue + shipping + tax - discount agrees',
      { revenue: 20, total: 23, tax: 5, discount: 2 },
      20,
      false,
    ],
    [
      'total = products + shipping agrees',
      { total: 25, shipping: 5, products: [product] },
      25,
      false,
    ],
    ['total that is neither disagrees', { revenue: 20, total: 99 }, 20, true],
    [
      'no sum when a product lacks a price',
      { products: [product, { sku: 'x' }] },
      undefined,
      false,
    ],
  ])('uses %s', (_case, properties, revenue, isDisagreement) => {
    const result = mapProperties({ currency: 'USD', ...properties });

    expect(result.imported ? result.event.event_data.revenue : 'skipped').toBe(revenue);
    expect(codesOf(result).includes(MappingWarningCode.RevenueSourcesDisagree)).toBe(
      isDisagreement,
    );
  });

  it('keeps total and value in custom_data even when revenue came from them', () => {
    const result = mapProperties({ currency: 'USD', total: '47.69', value: 47.69 });

    expect(result).toMatchObject({
      event: { event_data: { revenue: 47.69 }, custom_data: { total: '47.69', value: '47.69' } },
    });
  });

  it('sums products only for commerce events', () => {
    const result = mapProperties({ products: [product] }, 'Product List Viewed');

    expect(result.imported && result.event.event_data).toEqual({});
  });
});

describe('mapSegmentMessage: content_items', () => {
  const fullProduct = {
    product_id: 'sku-1042',
    sku: 'TS-BLU-M',
    name: 'Linen Shirt',
    price: 39.5,
    quantity: 1,
    brand: 'Northwind',
    category: 'Apparel',
    variant: 'Blue / M',
    url: 'https://shop.example.com/p/sku-1042',
    image_url: 'https://cdn.example.com/sku-1042.jpg',
    position: 3,
    coupon: 'ITEM5',
  };
  const fullItem = {
    $content_schema: 'COMMERCE_PRODUCT',
    $canonical_identifier: 'sku-1042',
    $sku: 'TS-BLU-M',
    $product_name: 'Linen Shirt',
    $price: 39.5,
    $quantity: 1,
    $product_brand: 'Northwind',
    $product_category: 'Apparel',
    $product_variant: 'Blue / M',
    $canonical_url: 'https://shop.example.com/p/sku-1042',
    $og_image_url: 'https://cdn.example.com/sku-1042.jpg',
    $custom_fields: { position: '3', coupon: 'ITEM5' },
  };

  it('maps every field of a products[] entry', () => {
    const event = mapEvent({ properties: { products: [fullProduct] } });

    expect(event.content_items).toEqual([fullItem]);
    expect(event.custom_data).not.toHaveProperty('products');
  });

  it.each(['Product Viewed', 'Product Added', 'Product Added to Wishlist', 'Product Shared'])(
    'takes the single product of %s from the top-level properties',
    (name) => {
      const event = mapEvent({ event: name, properties: { ...fullProduct, cart_id: 'c1' } });

      expect(event.content_items).toEqual([{ ...fullItem, $custom_fields: { position: '3' } }]);
      expect(event.custom_data).toEqual({ cart_id: 'c1', anonymousId: 'anon-1' });
      expect(event.event_data.coupon).toBe('ITEM5');
    },
  );

  it('maps rating and review of Product Reviewed', () => {
    const event = mapEvent({
      event: 'Product Reviewed',
      properties: { product_id: 'p1', review_id: 'rv-3', review_body: 'Runs small', rating: '4' },
    });

    expect(event.content_items).toEqual([
      {
        $content_schema: 'COMMERCE_PRODUCT',
        $canonical_identifier: 'p1',
        $sku: 'p1',
        $rating: 4,
        $custom_fields: { review_id: 'rv-3', review_body: 'Runs small' },
      },
    ]);
  });

  it('does not read top-level product fields for other events', () => {
    const event = mapEvent({ event: 'Product List Viewed', properties: { category: 'Apparel' } });

    expect(event.content_items).toEqual([]);
    expect(event.custom_data.category).toBe('Apparel');
  });

  it('falls back to product_id for $sku and leaves out missing price and quantity', () => {
    const event = mapEvent({ properties: { products: [{ product_id: 42, name: 'Mug' }] } });

    expect(event.content_items).toEqual([
      {
        $content_schema: 'COMMERCE_PRODUCT',
        $canonical_identifier: '42',
        $sku: '42',
        $product_name: 'Mug',
      },
    ]);
  });

  it('keeps an unreadable price in $custom_fields with a warning', () => {
    const result = mapProperties({ products: [{ sku: 'a', price: 'n/a', quantity: '2' }] });

    expect(result).toMatchObject({
      event: { content_items: [{ $sku: 'a', $quantity: 2, $custom_fields: { price: 'n/a' } }] },
    });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: MappingWarningCode.InvalidNumber,
        field: 'properties.products[0].price',
      }),
    );
  });

  it('keeps entries that are not objects in custom_data with a warning', () => {
    const result = mapProperties({ products: [{ sku: 'a' }, 'b', null, [1]] });

    expect(result).toMatchObject({
      event: {
        content_items: [{ $sku: 'a' }],
        custom_data: { 'products[1]': 'b', 'products[2]': 'null', 'products[3]': '[1]' },
      },
    });
    expect(codesOf(result).filter((c) => c === MappingWarningCode.InvalidProduct)).toHaveLength(3);
  });

  it('keeps a products value that is not an array in custom_data with a warning', () => {
    const result = mapProperties({ products: { sku: 'a' } });

    expect(result).toMatchObject({
      event: { content_items: [], custom_data: { products: '{"sku":"a"}' } },
    });
    expect(codesOf(result)).toEqual([MappingWarningCode.InvalidProducts]);
  });

  it('maps 10,000 products quickly and without a cap', () => {
    const products = Array.from({ length: 10_000 }, (_, i) => ({
      sku: `s${i}`,
      price: '1.50',
      quantity: 2,
    }));
    const started = performance.now();
    const result = mapProperties({ currency: 'EUR', products });

    expect(performance.now() - started).toBeLessThan(500);
    expect(result).toMatchObject({ event: { event_data: { revenue: 30_000 } } });
    expect(result.imported && result.event.content_items).toHaveLength(10_000);
  });
});

describe('mapSegmentMessage: custom_data', () => {
  it('turns every remaining property into a string', () => {
    const event = mapEvent({
      event: 'Referral Sent',
      properties: {
        channel: 'sms',
        invitees: 3,
        premium: true,
        tags: ['summer', 'promo'],
        campaign: { source: 'ads' },
        nothing: null,
        big: 1e21,
        emoji: '🍣'.repeat(1000),
      },
    });

    expect(event.custom_data).toEqual({
      channel: 'sms',
      invitees: '3',
      premium: 'true',
      tags: '["summer","promo"]',
      campaign: '{"source":"ads"}',
      nothing: 'null',
      big: '1000000000000000000000',
      emoji: '🍣'.repeat(1000),
      anonymousId: 'anon-1',
    });
  });

  it.each([undefined, null])('accepts properties %j', (properties) => {
    expect(mapEvent({ properties }).custom_data).toEqual({ anonymousId: 'anon-1' });
  });

  it('leaves anonymousId out when the message has none', () => {
    expect(mapEvent({ anonymousId: null }).custom_data).toEqual({});
  });

  it("keeps the message's anonymousId over a property of that name, with a warning", () => {
    const result = mapProperties({ anonymousId: 'other' });

    expect(result).toMatchObject({ event: { custom_data: { anonymousId: 'anon-1' } } });
    expect(codesOf(result)).toEqual([MappingWarningCode.KeyConflict]);
  });

  it('keeps keys that look like Object.prototype members as plain keys', () => {
    const properties = JSON.parse('{"__proto__":"x","constructor":"y","toString":1}');
    const event = mapEvent({ properties });

    expect(Object.getPrototypeOf(event.custom_data)).toBe(Object.prototype);
    expect(Object.keys(event.custom_data)).toEqual([
      '__proto__',
      'constructor',
      'toString',
      'anonymousId',
    ]);
  });

  it('moves the web browser fingerprint to user_data only', () => {
    const result = mapSegmentMessage(buildWebTrack({ list: 'weekly' }));

    expect(result).toMatchObject({
      imported: true,
      platform: 'web',
      event: { user_data: { browser_fingerprint_id: 'fp-1' }, custom_data: { list: 'weekly' } },
    });
    expect(result.imported && result.event.custom_data).not.toHaveProperty(
      'browser_fingerprint_id',
    );
  });

  it('drops a value JSON cannot hold (JS callers only) with a warning', () => {
    const result = mapProperties({ big: { n: 1n }, fine: 1 });

    expect(result).toMatchObject({ event: { custom_data: { fine: '1' } } });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: MappingWarningCode.UnserialisableValue,
        field: 'properties.big',
      }),
    );
  });

  it('does not throw on a throwing getter', () => {
    const properties = Object.defineProperty({}, 'bad', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });

    expect(mapProperties(properties)).toMatchObject({
      imported: false,
      reason: SkipReason.InvalidMessage,
    });
  });
});
