import { ISO_4217_CURRENCY_CODES } from './currency-code.table';

/**
 * Outcome of reading one input value: `absent` (undefined or null, which senders use for "no
 * value"), `ok`, or `invalid` with a sentence saying why.
 */
export type Parsed<T> =
  | { status: 'absent' }
  | { status: 'ok'; value: T; note?: string }
  | { status: 'invalid'; why: string };

const ABSENT = { status: 'absent' } as const;

/** A plain decimal, optionally signed, with an optional exponent: "128.00", "-3", ".5", "1e3". */
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Three letters once trimmed and upper-cased ("eur" => "EUR"). */
const CURRENCY_TEXT = /^[A-Z]{3}$/;

/**
 * Reads an amount, price, quantity or rating. Numbers must be finite; strings must be a plain
 * decimal (senders often send "128.00"). Thousands separators are refused rather than guessed:
 * "1,299" is 1299 in one locale and 1.299 in another.
 */
export function parseNumber(value: unknown): Parsed<number> {
  if (value === undefined || value === null) {
    return ABSENT;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? ok(value) : invalid(`${value} is not finite`);
  }
  if (typeof value !== 'string') {
    return invalid(`expected a number, got ${describeType(value)}`);
  }

  const text = value.trim();
  const parsed = DECIMAL_TEXT.test(text) ? Number(text) : NaN;

  return Number.isFinite(parsed) ? ok(parsed) : invalid(`"${clip(value)}" is not a number`);
}

/**
 * Reads a text field of event_data or a content item. Strings are kept exactly (only a blank
 * string counts as absent); numbers become their plain decimal text (order_id 1042 => "1042").
 */
export function parseText(value: unknown): Parsed<string> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return ABSENT;
  }
  if (typeof value === 'string') {
    return { status: 'ok', value };
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { status: 'ok', value: toPlainDecimal(value) };
  }

  return invalid(`expected text, got ${describeType(value)}`);
}

/**
 * Reads a currency: trimmed and upper-cased; three letters are required. A three-letter code
 * that is not ISO 4217 is kept (Branch may know newer codes) but noted for a warning.
 */
export function parseCurrency(value: unknown): Parsed<string> {
  if (value === undefined || value === null) {
    return ABSENT;
  }
  if (typeof value !== 'string') {
    return invalid(`expected a currency code, got ${describeType(value)}`);
  }

  const code = value.trim().toUpperCase();

  if (!CURRENCY_TEXT.test(code)) {
    return invalid(`"${clip(value)}" is not a three-letter currency code`);
  }

  return ISO_4217_CURRENCY_CODES.has(code)
    ? { status: 'ok', value: code }
    : { status: 'ok', value: code, note: `${code} is not an ISO 4217 currency code` };
}

/**
 * Writes a number in plain decimal notation, never with an exponent: 1e21 => "1000...0",
 * 1e-7 => "0.0000001". Same digits as `String(n)`, so nothing is lost; -0 => "0".
 */
export function toPlainDecimal(value: number): string {
  const text = Object.is(value, -0) ? '0' : String(value);
  const exponentAt = text.indexOf('e');

  if (exponentAt === -1) {
    return text;
  }

  const sign = text.startsWith('-') ? '-' : '';
  const mantissa = text.slice(sign.length, exponentAt);
  const pointAt = mantissa.includes('.') ? mantissa.indexOf('.') : mantissa.length;
  const digits = mantissa.replace('.', '');
  const newPointAt = pointAt + Number(text.slice(exponentAt + 1));

  if (newPointAt <= 0) {
    return `${sign}0.${'0'.repeat(-newPointAt)}${digits}`;
  }
  if (newPointAt >= digits.length) {
    return `${sign}${digits}${'0'.repeat(newPointAt - digits.length)}`;
  }

  return `${sign}${digits.slice(0, newPointAt)}.${digits.slice(newPointAt)}`;
}

type ValueKind =
  | 'undefined'
  | 'null'
  | 'array'
  | 'object'
  | 'string'
  | 'number'
  | 'bigint'
  | 'boolean'
  | 'symbol'
  | 'function';

/** How warning sentences name each kind of value: "got an object", "event is undefined". */
const TYPE_NAMES: Readonly<Record<ValueKind, string>> = {
  undefined: 'undefined',
  null: 'null',
  array: 'an array',
  object: 'an object',
  string: 'a string',
  number: 'a number',
  bigint: 'a bigint',
  boolean: 'a boolean',
  symbol: 'a symbol',
  function: 'a function',
};

/** Names a value's JSON type for warning sentences, with the right article (or none). */
export function describeType(value: unknown): string {
  return TYPE_NAMES[typeOf(value)];
}

function typeOf(value: unknown): ValueKind {
  if (value === null) {
    return 'null';
  }

  return Array.isArray(value) ? 'array' : typeof value;
}

/** Keeps warning sentences short when the input value is huge. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** -0 becomes 0: JSON has no -0, and stored events must read back exactly as mapped. */
function ok(value: number): Parsed<number> {
  return { status: 'ok', value: value === 0 ? 0 : value };
}

function invalid(why: string): { status: 'invalid'; why: string } {
  return { status: 'invalid', why };
}
