import { MappingWarningCode } from './mapping-warning.constants';
import type { MappingWarning } from './mapping.types';
import { clip, describeType, type Parsed } from './property-value.parser';

/**
 * ISO-8601 as Segment accepts it: a date, optionally a time (T or space) with optional seconds,
 * fraction and UTC offset (Z, +hh, +hhmm, +hh:mm). Built from named parts because the whole
 * pattern does not fit one line; the capture groups number in the order of the parts.
 */
const ISO_DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const ISO_CLOCK = String.raw`[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?`;
const ISO_OFFSET = String.raw`([Zz]|[+-]\d{2}(?::?\d{2})?)`;
const ISO_8601 = new RegExp(String.raw`^${ISO_DATE}(?:${ISO_CLOCK}\s*${ISO_OFFSET}?)?$`);

/** Epoch numbers below this are seconds (until the year 5138), above it milliseconds. */
const SMALLEST_EPOCH_MS = 1e11;

const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const EARLIEST_MS = toUtcMs([0, 1, 1, 0, 0, 0]);

interface EventTime {
  ms: number;
  /** Set when the value was read under an assumption worth a warning. */
  assumption?: { code: MappingWarningCode; detail: string };
}

/**
 * Reads one time value: an ISO-8601 string (with or without offset, or a bare date, both read
 * as UTC), a JS Date, or an epoch number or all-digit string (seconds below 1e11, else ms).
 */
export function parseEventTime(value: unknown): Parsed<EventTime> {
  if (value === undefined || value === null) {
    return { status: 'absent' };
  }
  if (value instanceof Date) {
    return checkRange(value.getTime(), undefined);
  }
  if (typeof value === 'number') {
    return parseEpoch(value);
  }
  if (typeof value !== 'string') {
    return { status: 'invalid', why: `expected an ISO-8601 string, got ${describeType(value)}` };
  }

  const text = value.trim();

  return /^\d{9,16}$/.test(text) ? parseEpoch(Number(text)) : parseIso(text, value);
}

function parseEpoch(value: number): Parsed<EventTime> {
  const isSeconds = Math.abs(value) < SMALLEST_EPOCH_MS;
  const ms = isSeconds ? value * 1000 : value;
  const detail = `epoch ${value} read as ${isSeconds ? 'seconds' : 'milliseconds'}`;

  return checkRange(Math.trunc(ms), { code: MappingWarningCode.TimestampEpochNumber, detail });
}

/** What Segment itself writes; parsed natively, the general path is 5x slower. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function parseIso(text: string, original: string): Parsed<EventTime> {
  if (CANONICAL_ISO.test(text)) {
    const ms = Date.parse(text);

    // A rolled-over date (02-30) prints differently: fall through to the precise message.
    if (Number.isFinite(ms) && new Date(ms).toISOString() === text) {
      return { status: 'ok', value: { ms } };
    }
  }

  const match = ISO_8601.exec(text);

  if (!match) {
    return { status: 'invalid', why: `"${clip(original)}" is not ISO-8601` };
  }

  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const parts = [year, month, day, hour, minute, second].map(Number);
  const wallMs = toUtcMs(parts);

  if (!isSameWallClock(wallMs, parts)) {
    return { status: 'invalid', why: `"${clip(original)}" is not a real date and time` };
  }

  const offsetMinutes = readOffsetMinutes(offset);

  if (offsetMinutes === undefined) {
    return { status: 'invalid', why: `"${clip(original)}" has an impossible UTC offset` };
  }

  const ms = wallMs + Number(`0.${fraction || '0'}`.slice(0, 5)) * 1000 - offsetMinutes * 60_000;
  const assumption =
    offset === undefined
      ? { code: MappingWarningCode.TimestampAssumedUtc, detail: `"${clip(original)}" read as UTC` }
      : undefined;

  return checkRange(Math.round(ms), assumption);
}

/** Like Date.UTC, without its mapping of years 0-99 to 1900-1999. */
function toUtcMs([year, month, day, hour, minute, second]: number[]): number {
  const date = new Date(0);

  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);

  return date.getTime();
}

/** Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip. */
function isSameWallClock(ms: number, parts: number[]): boolean {
  const date = new Date(ms);

  return (
    Number.isFinite(ms) &&
    date.getUTCFullYear() === parts[0] &&
    date.getUTCMonth() === parts[1] - 1 &&
    date.getUTCDate() === parts[2] &&
    date.getUTCHours() === parts[3] &&
    date.getUTCMinutes() === parts[4] &&
    date.getUTCSeconds() === parts[5]
  );
}

/** "Z" => 0, "+05:30" / "+0530" => 330, "-03" => -180; none => 0; out of range => undefined. */
function readOffsetMinutes(offset: string | undefined): number | undefined {
  if (offset === undefined || offset.toUpperCase() === 'Z') {
    return 0;
  }

  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');

  if (hours > 23 || minutes > 59) {
    return undefined;
  }

  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function checkRange(ms: number, assumption: EventTime['assumption']): Parsed<EventTime> {
  if (!Number.isFinite(ms) || ms < EARLIEST_MS || ms > LATEST_MS) {
    return { status: 'invalid', why: 'the time is outside the years 0000-9999' };
  }

  return { status: 'ok', value: { ms, assumption } };
}

type TimeField = 'timestamp' | 'originalTimestamp' | 'receivedAt' | 'sentAt';

/** Where the event time is read from, first usable wins (Segment's own order of trust). */
const TIME_FIELDS: readonly TimeField[] = [
  'timestamp',
  'originalTimestamp',
  'receivedAt',
  'sentAt',
];

/**
 * Finds the event time of a message: `timestamp`, else `originalTimestamp` corrected for clock
 * skew by `receivedAt - sentAt` as Segment does, else `receivedAt`, else `sentAt`. Fields are
 * read in that order until one is usable; each unreadable one on the way and each fallback adds
 * a warning. Returns an ISO-8601 UTC string, or undefined when no field holds a usable time (the
 * caller rejects the message).
 */
export function resolveEventTime(
  message: Record<string, unknown>,
  warnings: MappingWarning[],
): string | undefined {
  const times = new Map<TimeField, EventTime>();
  const chosen = TIME_FIELDS.find((field) => readTimeField(message, field, times, warnings));

  if (chosen === undefined) {
    return undefined;
  }

  const time = times.get(chosen) as EventTime;

  if (time.assumption) {
    warnings.push({ ...time.assumption, field: chosen });
  }
  if (chosen === 'originalTimestamp') {
    readTimeField(message, 'sentAt', times);
    readTimeField(message, 'receivedAt', times);
  }
  if (chosen !== 'timestamp') {
    warnings.push(describeFallback(chosen, times));
  }

  return new Date(correctSkew(chosen, times)).toISOString();
}

/** Parses one field into `times`; true when usable. Warns about an unreadable one if asked. */
function readTimeField(
  message: Record<string, unknown>,
  field: TimeField,
  times: Map<TimeField, EventTime>,
  warnings?: MappingWarning[],
): boolean {
  const parsed = parseEventTime(message[field]);

  if (parsed.status === 'invalid') {
    warnings?.push({ code: MappingWarningCode.TimestampInvalid, field, detail: parsed.why });
  }
  if (parsed.status === 'ok') {
    times.set(field, parsed.value);
  }

  return parsed.status === 'ok';
}

function correctSkew(chosen: TimeField, times: Map<TimeField, EventTime>): number {
  const ms = (times.get(chosen) as EventTime).ms;
  const sentAt = times.get('sentAt');
  const receivedAt = times.get('receivedAt');

  if (chosen !== 'originalTimestamp' || !sentAt || !receivedAt) {
    return ms;
  }

  const corrected = ms + (receivedAt.ms - sentAt.ms);

  return corrected >= EARLIEST_MS && corrected <= LATEST_MS ? corrected : ms;
}

function describeFallback(chosen: TimeField, times: Map<TimeField, EventTime>): MappingWarning {
  const isSkewCorrected =
    chosen === 'originalTimestamp' && times.has('sentAt') && times.has('receivedAt');
  const how = isSkewCorrected ? ' corrected by receivedAt - sentAt' : '';

  return {
    code: MappingWarningCode.TimestampFallback,
    field: 'timestamp',
    detail: `no usable timestamp; the event time is ${chosen}${how}`,
  };
}
