/**
 * MongoDB-wire servers refuse field names that start with `$` or contain `.` (FerretDB always,
 * MongoDB in most operators), yet Branch content items use `$sku`-style keys and senders choose
 * custom property names freely. Maps whose keys come from outside are stored with those
 * characters percent-encoded (`$sku` -> `%24sku`), which is reversible because `%` itself is
 * encoded too. Only the keys change; values are stored as they are.
 */
// The NUL character is what MongoDB refuses in a key, so the pattern must name it.
// eslint-disable-next-line no-control-regex
const UNSAFE_KEY_CHARACTERS = /[%$.\u0000]/g;
const ENCODED_KEY_CHARACTERS = /%(25|24|2E|00|5F)/g;

/**
 * Mongoose silently removes a key named `__proto__` (its guard against prototype pollution),
 * and a sender may well use that name; its first character is encoded so it survives.
 */
const PROTO_KEY = '__proto__';

export function encodeFieldName(name: string): string {
  if (name === PROTO_KEY) return `%5F${PROTO_KEY.slice(1)}`;

  return name.replace(UNSAFE_KEY_CHARACTERS, (char) => {
    const hex = char.charCodeAt(0).toString(16).toUpperCase();

    return `%${hex.padStart(2, '0')}`;
  });
}

export function decodeFieldName(name: string): string {
  return name.replace(ENCODED_KEY_CHARACTERS, (_match, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Encodes the keys of a value's objects, at every depth, for storage. */
export function encodeFieldNames<T>(value: T): T {
  return renameKeys(value, encodeFieldName) as T;
}

/** Reverses `encodeFieldNames` on a value read from storage. */
export function decodeFieldNames<T>(value: T): T {
  return renameKeys(value, decodeFieldName) as T;
}

function renameKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => renameKeys(item, rename));
  }

  if (typeof value !== 'object' || value === null || value instanceof Date) {
    return value;
  }

  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [rename(key), renameKeys(item, rename)]),
  );
}
