import { ApiError } from '../common/api-error';
import { STATUS_WINDOWS, statusWindowRanges, toTimeRange } from './time-window';

describe('statusWindowRanges', () => {
  const now = new Date('2026-11-30T12:00:00.000Z');

  it('ends every window at now and starts it its length earlier', () => {
    expect(statusWindowRanges(now)).toEqual({
      lastHour: { from: new Date('2026-11-30T11:00:00.000Z'), to: now },
      lastDay: { from: new Date('2026-11-29T12:00:00.000Z'), to: now },
    });
  });

  it('has a range for each window of the table', () => {
    expect(Object.keys(statusWindowRanges(now))).toEqual(Object.keys(STATUS_WINDOWS));
  });
});

describe('toTimeRange', () => {
  it('is open on both sides without bounds', () => {
    expect(toTimeRange()).toEqual({});
  });

  it('keeps either bound alone', () => {
    expect(toTimeRange('2026-11-30T09:00:00Z')).toEqual({
      from: new Date('2026-11-30T09:00:00Z'),
    });
    expect(toTimeRange(undefined, '2026-11-30T10:00:00+01:00')).toEqual({
      to: new Date('2026-11-30T09:00:00Z'),
    });
  });

  it.each([
    ['after', '2026-11-30T10:00:00Z', '2026-11-30T09:00:00Z'],
    ['equal to', '2026-11-30T09:00:00Z', '2026-11-30T10:00:00+01:00'],
  ])('refuses a from %s to with validation_failed', (_case, from, to) => {
    expect(() => toTimeRange(from, to)).toThrow(ApiError);
    expect(() => toTimeRange(from, to)).toThrow('from must be before to.');
  });
});
