import { SegmentMessage } from './segment-message.types';

/**
 * Stamps `receivedAt` on a message that came straight from a library and corrects its
 * `timestamp` for the sender's clock skew, as Segment does:
 * `timestamp = receivedAt - (sentAt - originalTimestamp)`
 * (https://segment.com/docs/connections/spec/common/#timestamp-overview).
 *
 * Libraries send the device time as `timestamp` (analytics-node) or `originalTimestamp`
 * (mobile SDKs); whichever is present becomes `originalTimestamp`. Without a usable `sentAt`
 * no skew can be measured, so the original time is kept as it is. Without any event time the
 * arrival time is used. A message that already has `receivedAt` went through Segment (webhook
 * destination), whose correction is kept untouched.
 *
 * Returns a new message; the input is not changed. Never throws: unparseable dates are left as
 * they were for the mapping library to report.
 */
export function normalizeTimestamps(
  message: SegmentMessage,
  arrivedAt: Date,
  batchSentAt?: unknown,
): SegmentMessage {
  if (typeof message.receivedAt === 'string' && message.receivedAt !== '') {
    return message;
  }

  const receivedAt = arrivedAt.toISOString();
  const original = message.originalTimestamp ?? message.timestamp;
  const originalMs = parseDate(original);
  const sentAtMs = parseDate(message.sentAt ?? batchSentAt);

  if (originalMs === undefined) {
    return { ...message, receivedAt, timestamp: original ?? receivedAt };
  }

  const corrected =
    sentAtMs === undefined ? originalMs : arrivedAt.getTime() - (sentAtMs - originalMs);

  return {
    ...message,
    receivedAt,
    originalTimestamp: new Date(originalMs).toISOString(),
    // Two valid but extreme dates can correct to a time no Date can hold; then no skew
    // correction is possible and the original time stands.
    timestamp: new Date(isRepresentable(corrected) ? corrected : originalMs).toISOString(),
  };
}

/** ECMAScript dates span ±8.64e15 ms around 1970. */
function isRepresentable(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

/**
 * An ISO-8601 instant with a date, a time and an offset (`Z` or `±hh:mm`), the form Segment's
 * libraries send. Anything else is left for the mapper, which reads more forms and warns:
 * `new Date()` would read an offset-less time in the server's own time zone and roll
 * `02-30` over into March without a word.
 */
const ISO_INSTANT =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function parseDate(value: unknown): number | undefined {
  const text = value instanceof Date ? value.toISOString() : value;
  const match = typeof text === 'string' ? ISO_INSTANT.exec(text.trim()) : null;

  if (!match) return undefined;

  const [, year, month, day] = match.map(Number);
  const calendarDay = new Date(Date.UTC(2000, month - 1, day));
  const ms = Date.parse(text as string);

  // Day 30 of February comes back as a day of March: not a real date.
  if (calendarDay.getUTCMonth() !== month - 1 || !Number.isFinite(year)) return undefined;

  return Number.isFinite(ms) ? ms : undefined;
}
