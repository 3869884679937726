import type { StandardEvent } from './event-name.table';
import { MappingWarningCode } from './mapping-warning.constants';
import type { BranchContentItem, MappingWarning } from './mapping.types';
import { toCustomDataString } from './custom-value.converter';
import { parseNumber, parseText } from './property-value.parser';
import { isRecord, type PropertyContext, readOwn } from './property-context';

type ItemKey = Exclude<keyof BranchContentItem, '$content_schema' | '$custom_fields'>;

/** Segment V2 product property => Branch content item key. Other product keys: $custom_fields. */
export const PRODUCT_FIELDS: ReadonlyMap<string, { item: ItemKey; kind: 'text' | 'number' }> =
  new Map([
    ['product_id', { item: '$canonical_identifier', kind: 'text' }],
    ['sku', { item: '$sku', kind: 'text' }],
    ['name', { item: '$product_name', kind: 'text' }],
    ['price', { item: '$price', kind: 'number' }],
    ['quantity', { item: '$quantity', kind: 'number' }],
    ['brand', { item: '$product_brand', kind: 'text' }],
    ['category', { item: '$product_category', kind: 'text' }],
    ['variant', { item: '$product_variant', kind: 'text' }],
    ['url', { item: '$canonical_url', kind: 'text' }],
    ['image_url', { item: '$og_image_url', kind: 'text' }],
    ['rating', { item: '$rating', kind: 'number' }],
  ]);

/**
 * Top-level properties that describe the product of a single-product event (Product Viewed,
 * Added, Added to Wishlist, Reviewed, Shared) in the Segment V2 ecommerce spec. The rest of
 * such an event's properties (cart_id, share_via, coupon, value...) stay event-level.
 */
export const SINGLE_PRODUCT_KEYS: readonly string[] = [
  ...PRODUCT_FIELDS.keys(),
  'position',
  'review_id',
  'review_body',
];

export interface ContentItemsResult {
  items: BranchContentItem[];
  /** Sum of price x quantity (quantity 1 when absent); undefined unless every item has a price. */
  productsTotal?: number;
}

/**
 * Builds content_items: one per entry of `properties.products`, or, for a single-product event
 * without `products`, one from the top-level product properties. Entries that are not objects
 * and a `products` that is not an array are kept in custom_data as JSON, with a warning.
 */
export function mapContentItems(
  context: PropertyContext,
  standard: StandardEvent | undefined,
): ContentItemsResult {
  const products = readOwn(context.properties, 'products');

  if (Array.isArray(products)) {
    context.consumed.add('products');

    const items = mapProductList(products, context);

    return summarize(items, items.length === products.length);
  }
  if (products !== undefined && products !== null) {
    context.warnings.push({
      code: MappingWarningCode.InvalidProducts,
      field: 'properties.products',
      detail:
        `products is ${Array.isArray(products) ? 'an array' : `a ${typeof products}`}, ` +
        'not an array',
    });
  }

  return standard?.isSingleProduct ? summarize(mapSingleProduct(context), true) : { items: [] };
}

function mapProductList(products: unknown[], context: PropertyContext): BranchContentItem[] {
  const items: BranchContentItem[] = [];

  products.forEach((entry, index) => {
    const field = `properties.products[${index}]`;

    if (isRecord(entry)) {
      items.push(mapProduct(entry, field, context.warnings));

      return;
    }

    context.warnings.push({
      code: MappingWarningCode.InvalidProduct,
      field,
      detail:
        `entry is ${entry === null ? 'null' : `a ${typeof entry}`}; ` +
        `kept as custom_data["products[${index}]"]`,
    });
    context.extraCustomData.push([`products[${index}]`, entry]);
  });

  return items;
}

function mapSingleProduct(context: PropertyContext): BranchContentItem[] {
  const keys = SINGLE_PRODUCT_KEYS.filter((key) => readOwn(context.properties, key) !== undefined);

  if (keys.length === 0) {
    return [];
  }

  keys.forEach((key) => context.consumed.add(key));

  const product = Object.fromEntries(keys.map((key) => [key, context.properties[key]]));

  return [mapProduct(product, 'properties', context.warnings)];
}

/**
 * Maps one Segment product to a content item. `$sku` falls back to product_id, which is also the
 * `$canonical_identifier`. Values that cannot fill their Branch key (and null) go to
 * `$custom_fields` as strings, so nothing is lost.
 */
export function mapProduct(
  product: Readonly<Record<string, unknown>>,
  path: string,
  warnings: MappingWarning[],
): BranchContentItem {
  const item: Record<string, unknown> = { $content_schema: 'COMMERCE_PRODUCT' };
  const customFields: Array<[string, string]> = [];

  for (const [key, value] of Object.entries(product)) {
    const rule = PRODUCT_FIELDS.get(key);
    const parsed = rule?.kind === 'number' ? parseNumber(value) : parseText(value);

    if (rule && parsed.status === 'ok') {
      item[rule.item] = parsed.value;
      continue;
    }
    if (rule && parsed.status === 'invalid') {
      const code =
        rule.kind === 'number' ? MappingWarningCode.InvalidNumber : MappingWarningCode.InvalidText;

      warnings.push({
        code,
        field: `${path}.${key}`,
        detail: `${parsed.why}; kept in $custom_fields`,
      });
    }
    addCustomField(customFields, key, value, `${path}.${key}`, warnings);
  }

  if (item.$sku === undefined && item.$canonical_identifier !== undefined) {
    item.$sku = item.$canonical_identifier;
  }
  if (customFields.length > 0) {
    item.$custom_fields = Object.fromEntries(customFields);
  }

  return item as unknown as BranchContentItem;
}

function addCustomField(
  customFields: Array<[string, string]>,
  key: string,
  value: unknown,
  field: string,
  warnings: MappingWarning[],
): void {
  const converted = toCustomDataString(value);

  if (converted.ok) {
    customFields.push([key, converted.text]);

    return;
  }
  if (value !== undefined) {
    warnings.push({ code: MappingWarningCode.UnserialisableValue, field, detail: converted.why });
  }
}

function summarize(items: BranchContentItem[], isEveryEntryAnItem: boolean): ContentItemsResult {
  const hasEveryPrice = items.length > 0 && items.every((item) => item.$price !== undefined);

  if (!isEveryEntryAnItem || !hasEveryPrice) {
    return { items };
  }

  const total = items.reduce((sum, item) => sum + (item.$price ?? 0) * (item.$quantity ?? 1), 0);
  // Rounded to kill float noise (0.1 + 0.2); a millionth is far below any currency's unit.
  const rounded = Math.round(total * 1e6) / 1e6;

  return Number.isFinite(rounded) ? { items, productsTotal: rounded } : { items };
}
