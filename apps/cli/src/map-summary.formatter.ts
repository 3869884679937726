import { SKIP_REASON_DESCRIPTIONS, SkipReason } from '@sbi/mapping';
import { REJECTION_REASON_DESCRIPTIONS } from '@sbi/segment';

import { DUPLICATE_MESSAGE, type LinePreview } from './line-preview.resolver';

/** Counts of one run, for the summary on stderr. */
export interface Tally {
  lines: number;
  imported: number;
  duplicates: number;
  warned: number;
  stamped: number;
  skipped: Map<string, number>;
  rejected: Map<string, number>;
}

type Descriptions = Readonly<Record<string, string>>;

/** Rejections are ingest's, plus the two the CLI finds itself before and after checking. */
const REJECTION_DESCRIPTIONS: Descriptions = {
  ...REJECTION_REASON_DESCRIPTIONS,
  [SkipReason.InvalidJson]:
    'The line is not JSON; ingest answers 400 invalid_json for such a body.',
  [DUPLICATE_MESSAGE]: 'The messageId was met earlier in the run; the service stores it once.',
};

export function createTally(): Tally {
  return {
    lines: 0,
    imported: 0,
    duplicates: 0,
    warned: 0,
    stamped: 0,
    skipped: new Map(),
    rejected: new Map(),
  };
}

/** Adds one line's outcome to the tally. */
export function countPreview(tally: Tally, preview: LinePreview): void {
  tally.lines += 1;
  if (preview.hasWarnings) tally.warned += 1;
  if (preview.isStampedWithRunStart) tally.stamped += 1;

  if (preview.kind === 'imported') tally.imported += 1;
  if (preview.kind === 'duplicate') tally.duplicates += 1;
  if (preview.kind === 'skipped') increment(tally.skipped, preview.reason ?? '');
  if (preview.kind === 'rejected') increment(tally.rejected, preview.reason ?? '');
}

/**
 * The stderr summary: one totals line, then skipped and rejected counts per reason (most
 * frequent first), then which arrival time was stamped on messages without `receivedAt`.
 */
export function formatSummary(tally: Tally, runStartedAt: Date): string {
  const totals =
    `map: ${plural(tally.lines, 'message')}: ${tally.imported} imported, ` +
    `${sum(tally.skipped)} skipped, ${sum(tally.rejected)} rejected, ` +
    `${plural(tally.duplicates, 'duplicate')}, ${tally.warned} with warnings`;
  const stamped =
    tally.stamped === 0
      ? []
      : [
          `map: ${plural(tally.stamped, 'message')} without receivedAt got the run start ` +
            `${runStartedAt.toISOString()} as arrival time, as ingest stamps it`,
        ];

  return [
    totals,
    ...formatReasons('skipped', tally.skipped, SKIP_REASON_DESCRIPTIONS),
    ...formatReasons('rejected', tally.rejected, REJECTION_DESCRIPTIONS),
    ...stamped,
    '',
  ].join('\n');
}

function formatReasons(
  heading: string,
  counts: Map<string, number>,
  descriptions: Descriptions,
): string[] {
  if (counts.size === 0) {
    return [];
  }

  const rows = [...counts]
    .sort(([, a], [, b]) => b - a)
    .map(
      ([reason, n]) =>
        `  ${String(n).padStart(7)}  ${reason.padEnd(24)} ${describe(reason, descriptions)}`,
    );

  return [`${heading}:`, ...rows];
}

function describe(reason: string, descriptions: Descriptions): string {
  return Object.hasOwn(descriptions, reason) ? descriptions[reason] : '';
}

function increment(counts: Map<string, number>, reason: string): void {
  counts.set(reason, (counts.get(reason) ?? 0) + 1);
}

function sum(counts: Map<string, number>): number {
  return [...counts.values()].reduce((total, n) => total + n, 0);
}

/** "1 message", "2 messages". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
