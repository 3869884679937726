import { toPlainDecimal } from './property-value.parser';

export type ConvertedValue = { ok: true; text: string } | { ok: false; why: string };

/**
 * Turns any property value into the string Branch requires in custom_data and $custom_fields.
 * Rule: strings as they are; numbers in plain decimal (no exponent); everything else as its
 * JSON text: true => "true", null => "null", [1,"a"] => '[1,"a"]', {"a":1} => '{"a":1}'. So the
 * original value can always be recovered with JSON.parse, except for strings, which stay
 * readable. Returns `ok: false` for what JSON cannot hold (undefined, functions, BigInt inside
 * objects, cycles); callers drop such values with a warning.
 */
export function toCustomDataString(value: unknown): ConvertedValue {
  if (typeof value === 'string') {
    return { ok: true, text: value };
  }
  if (typeof value === 'number') {
    return { ok: true, text: toPlainDecimal(value) };
  }
  if (typeof value === 'bigint') {
    return { ok: true, text: value.toString() };
  }

  return stringifyJson(value);
}

function stringifyJson(value: unknown): ConvertedValue {
  try {
    const text = JSON.stringify(value);

    return text === undefined
      ? { ok: false, why: `${typeof value} has no JSON form` }
      : { ok: true, text };
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : 'not serialisable' };
  }
}
