/**
 * Readers for the loosely typed values Segment senders deliver. Every reader returns `undefined`
 * for anything it cannot use, so the rules that call them never see an empty or malformed value.
 */

/** A plain object, or `undefined` for null, arrays and primitives. */
export function readRecord(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }

  return value as Record<string, unknown>;
}

/**
 * An identifier: a trimmed non-empty string, or a safe integer as its decimal text. Other numbers
 * are refused because JSON parsing has already rounded them (a 19-digit Branch fingerprint sent
 * as a number is no longer the fingerprint), and booleans or objects are never ids.
 */
export function readIdentifier(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? String(value) : undefined;
  }

  return readTrimmedString(value);
}

/** Descriptive text (versions, model, locale): a trimmed non-empty string or a finite number. */
export function readText(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : undefined;
  }

  return readTrimmedString(value);
}

/** A count of pixels or dots: a finite positive number, rounded; `undefined` if it rounds to 0. */
export function readPositiveInteger(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return undefined;
  }

  const rounded = Math.round(value);

  return rounded > 0 ? rounded : undefined;
}

function readTrimmedString(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }

  const trimmed = value.trim();

  return trimmed === '' ? undefined : trimmed;
}
