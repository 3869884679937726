import { SKIP_REASON_DESCRIPTIONS } from '@sbi/mapping';

import { countsByReason, summarizeReasons } from './reason-counts';

describe('summarizeReasons', () => {
  it('ranks the most frequent reason first, ties by name, and totals them', () => {
    const summary = summarizeReasons(
      [
        { reason: 'web_logged_out', count: 1 },
        { reason: 'auto_tracked_by_branch', count: 5 },
        { reason: 'not_a_track_event', count: 3 },
        { reason: 'unknown_platform', count: 1 },
      ],
      SKIP_REASON_DESCRIPTIONS,
    );

    expect(summary.total).toBe(10);
    expect(summary.byReason.map(({ reason, count }) => [reason, count])).toEqual([
      ['auto_tracked_by_branch', 5],
      ['not_a_track_event', 3],
      ['unknown_platform', 1],
      ['web_logged_out', 1],
    ]);
  });

  it('describes each known reason from the table', () => {
    const [row] = summarizeReasons(
      [{ reason: 'platform_disabled', count: 2 }],
      SKIP_REASON_DESCRIPTIONS,
    ).byReason;

    expect(row).toEqual({
      reason: 'platform_disabled',
      count: 2,
      description: SKIP_REASON_DESCRIPTIONS.platform_disabled,
    });
  });

  it.each(['retired_reason', 'constructor', 'toString', '__proto__'])(
    'gives %s, which the table does not hold, a null description',
    (reason) => {
      const [row] = summarizeReasons([{ reason, count: 1 }], SKIP_REASON_DESCRIPTIONS).byReason;

      expect(row.description).toBeNull();
    },
  );

  it('is empty with a zero total when nothing was counted', () => {
    expect(summarizeReasons([], SKIP_REASON_DESCRIPTIONS)).toEqual({ total: 0, byReason: [] });
  });
});

describe('countsByReason', () => {
  it('maps each reason to its count', () => {
    expect(
      countsByReason([
        { reason: 'a', count: 2 },
        { reason: 'b', count: 1 },
      ]),
    ).toEqual({ a: 2, b: 1 });
  });
});
