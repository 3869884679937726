import { MappingWarningCode } from './mapping-warning.constants';
import type { BranchEventData } from './mapping.types';
import { parseCurrency, parseNumber, parseText, toPlainDecimal } from './property-value.parser';
import { type PropertyContext, readOwn } from './property-context';

type TextField = 'transaction_id' | 'coupon' | 'affiliation' | 'description' | 'search_query';

/** Segment V2 order-level text properties => Branch event_data. */
export const EVENT_TEXT_FIELDS: ReadonlyArray<{ property: string; field: TextField }> = [
  { property: 'order_id', field: 'transaction_id' },
  { property: 'coupon', field: 'coupon' },
  { property: 'affiliation', field: 'affiliation' },
  { property: 'description', field: 'description' },
  { property: 'query', field: 'search_query' },
];

/** Segment V2 order-level amounts => Branch event_data (revenue has its own precedence). */
export const EVENT_AMOUNT_FIELDS: ReadonlyArray<{ property: string; field: 'shipping' | 'tax' }> = [
  { property: 'shipping', field: 'shipping' },
  { property: 'tax', field: 'tax' },
];

/**
 * Where event_data.revenue comes from, first present wins. `total` and `value` are not Branch
 * fields, so they also stay in custom_data; the products' sum is used for commerce events only
 * (a list of viewed products is no revenue).
 */
export const REVENUE_SOURCES = ['revenue', 'total', 'value', 'products'] as const;

type RevenueSource = (typeof REVENUE_SOURCES)[number];

/** Amounts closer than this are the same amount (half a cent). */
const SAME_AMOUNT_TOLERANCE = 0.005;

/**
 * Builds event_data from the order-level properties. A value that cannot fill its Branch field
 * is left in custom_data with a warning (invalid_text, invalid_number, invalid_currency).
 */
export function mapEventData(context: PropertyContext, productsTotal?: number): BranchEventData {
  const eventData: BranchEventData = {};

  for (const { property, field } of EVENT_TEXT_FIELDS) {
    const value = readText(context, property);

    if (value !== undefined) {
      eventData[field] = value;
    }
  }
  for (const { property, field } of EVENT_AMOUNT_FIELDS) {
    const value = readAmount(context, property);

    if (value !== undefined) {
      context.consumed.add(property);
      eventData[field] = value;
    }
  }

  return withRevenue(context, eventData, productsTotal);
}

function withRevenue(
  context: PropertyContext,
  eventData: BranchEventData,
  productsTotal: number | undefined,
): BranchEventData {
  const currency = readCurrency(context);
  const revenue = resolveRevenue(context, eventData, productsTotal);

  if (revenue !== undefined && currency === undefined) {
    context.warnings.push({
      code: MappingWarningCode.RevenueWithoutCurrency,
      field: 'properties.currency',
      detail: `revenue ${toPlainDecimal(revenue)} has no usable currency`,
    });
  }

  return { ...eventData, ...(currency && { currency }), ...(revenue !== undefined && { revenue }) };
}

function resolveRevenue(
  context: PropertyContext,
  eventData: BranchEventData,
  productsTotal: number | undefined,
): number | undefined {
  const amounts = new Map<RevenueSource, number>();

  for (const source of REVENUE_SOURCES) {
    const amount = source === 'products' ? productsTotal : readAmount(context, source);

    if (amount !== undefined) {
      amounts.set(source, amount);
    }
  }
  if (amounts.has('revenue')) {
    context.consumed.add('revenue');
  }

  const chosen = REVENUE_SOURCES.find((source) => amounts.has(source));

  if (chosen !== undefined) {
    warnIfSourcesDisagree(context, amounts, chosen, extrasOf(context, eventData));
  }

  return chosen === undefined ? undefined : amounts.get(chosen);
}

/** shipping + tax - discount: what a `total` may add on top of the other sources. */
function extrasOf(context: PropertyContext, eventData: BranchEventData): number {
  const discount = parseNumber(readOwn(context.properties, 'discount'));

  return (
    (eventData.shipping ?? 0) +
    (eventData.tax ?? 0) -
    (discount.status === 'ok' ? discount.value : 0)
  );
}

/**
 * Sources agree when equal, or when one is `total` and equals the other plus shipping and tax
 * minus discount (Segment's `total` includes them, `revenue` does not).
 */
function warnIfSourcesDisagree(
  context: PropertyContext,
  amounts: Map<RevenueSource, number>,
  chosen: RevenueSource,
  extras: number,
): void {
  const chosenAmount = amounts.get(chosen) as number;
  const isAgreeing = (source: RevenueSource, amount: number): boolean =>
    isSame(amount, chosenAmount) ||
    (source === 'total' && isSame(amount, chosenAmount + extras)) ||
    (chosen === 'total' && isSame(chosenAmount, amount + extras));
  const disagreeing = [...amounts].filter(([source, amount]) => !isAgreeing(source, amount));

  if (disagreeing.length === 0) {
    return;
  }

  const list = [...amounts].map(([source, amount]) => `${source} ${toPlainDecimal(amount)}`);

  context.warnings.push({
    code: MappingWarningCode.RevenueSourcesDisagree,
    field: `properties.${chosen}`,
    detail: `${list.join(', ')} disagree; revenue is ${chosen}`,
  });
}

function isSame(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_AMOUNT_TOLERANCE;
}

function readText(context: PropertyContext, property: string): string | undefined {
  const parsed = parseText(readOwn(context.properties, property));

  if (parsed.status === 'invalid') {
    context.warnings.push({
      code: MappingWarningCode.InvalidText,
      field: `properties.${property}`,
      detail: `${parsed.why}; kept in custom_data`,
    });
  }
  if (parsed.status !== 'ok') {
    return undefined;
  }

  context.consumed.add(property);

  return parsed.value;
}

/** Reads an amount; does not consume it, since total and value stay in custom_data. */
function readAmount(context: PropertyContext, property: string): number | undefined {
  const parsed = parseNumber(readOwn(context.properties, property));

  if (parsed.status === 'invalid') {
    context.warnings.push({
      code: MappingWarningCode.InvalidNumber,
      field: `properties.${property}`,
      detail: `${parsed.why}; kept in custom_data`,
    });
  }

  return parsed.status === 'ok' ? parsed.value : undefined;
}

function readCurrency(context: PropertyContext): string | undefined {
  const parsed = parseCurrency(readOwn(context.properties, 'currency'));
  const field = 'properties.currency';

  if (parsed.status === 'invalid') {
    const detail = `${parsed.why}; kept in custom_data`;

    context.warnings.push({ code: MappingWarningCode.InvalidCurrency, field, detail });
  }
  if (parsed.status !== 'ok') {
    return undefined;
  }
  if (parsed.note) {
    context.warnings.push({ code: MappingWarningCode.UnknownCurrency, field, detail: parsed.note });
  }

  context.consumed.add('currency');

  return parsed.value;
}
