import { ApiError, ErrorCode } from '../common/api-error';

const HOUR_MS = 60 * 60 * 1000;

/** The rolling windows the integration status counts over, by name and length. */
export const STATUS_WINDOWS = {
  lastHour: HOUR_MS,
  lastDay: 24 * HOUR_MS,
} as const satisfies Record<string, number>;

export type StatusWindow = keyof typeof STATUS_WINDOWS;

/** A time range: `from` inclusive, `to` exclusive, either side open when absent. */
export interface TimeRange {
  from?: Date;
  to?: Date;
}

/** The range of each status window ending at `now` (both ends given, so nothing later counts). */
export function statusWindowRanges(now: Date): Record<StatusWindow, Required<TimeRange>> {
  const entries = Object.entries(STATUS_WINDOWS).map(([name, length]) => [
    name,
    { from: new Date(now.getTime() - length), to: now },
  ]);

  return Object.fromEntries(entries) as Record<StatusWindow, Required<TimeRange>>;
}

/**
 * The range of `from` and `to` query parameters (ISO 8601, already validated as dates). Throws
 * the 400 `validation_failed` when `from` is not before `to`: such a range can match nothing,
 * which is almost certainly a swapped pair rather than a question.
 */
export function toTimeRange(from?: string, to?: string): TimeRange {
  const range: TimeRange = {
    ...(from !== undefined ? { from: new Date(from) } : {}),
    ...(to !== undefined ? { to: new Date(to) } : {}),
  };

  if (range.from && range.to && range.from >= range.to) {
    throw ApiError.badRequest(ErrorCode.ValidationFailed, 'from must be before to.');
  }

  return range;
}
