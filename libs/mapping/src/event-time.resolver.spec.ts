import { MappingWarningCode } from './mapping-warning.constants';
import type { MappingWarning } from './mapping.types';
import { parseEventTime, resolveEventTime } from './event-time.resolver';

function readIso(value: unknown): string | undefined {
  const parsed = parseEventTime(value);

  return parsed.status === 'ok' ? new Date(parsed.value.ms).toISOString() : undefined;
}

describe('parseEventTime', () => {
  it.each<[unknown, string]>([
    ['2026-11-30T09:00:00.000Z', '2026-11-30T09:00:00.000Z'],
    ['2026-11-30T09:00:00Z', '2026-11-30T09:00:00.000Z'],
    ['2026-11-30T10:00:00+01:00', '2026-11-30T09:00:00.000Z'],
    ['2026-11-30T04:00:00-0500', '2026-11-30T09:00:00.000Z'],
    ['2026-11-30T14:30:00+05:30', '2026-11-30T09:00:00.000Z'],
    ['2026-11-30T11:00+02', '2026-11-30T09:00:00.000Z'],
    ['2026-11-30 09:00:00.123456Z', '2026-11-30T09:00:00.123Z'],
    ['2026-11-30T09:00:00,5Z', '2026-11-30T09:00:00.500Z'],
    ['2026-11-30T09:00:00', '2026-11-30T09:00:00.000Z'],
    ['2026-11-30', '2026-11-30T00:00:00.000Z'],
    [1796029200000, '2026-11-30T09:00:00.000Z'],
    [1796029200, '2026-11-30T09:00:00.000Z'],
    ['1796029200000', '2026-11-30T09:00:00.000Z'],
    [new Date('2026-11-30T09:00:00Z'), '2026-11-30T09:00:00.000Z'],
    ['0050-01-01T00:00:00Z', '0050-01-01T00:00:00.000Z'],
  ])('reads %j as %s', (input, expected) => {
    expect(readIso(input)).toBe(expected);
  });

  it.each<[unknown, string]>([
    ['2026-11-30T09:00:00', MappingWarningCode.TimestampAssumedUtc],
    ['2026-11-30', MappingWarningCode.TimestampAssumedUtc],
    [1796029200, MappingWarningCode.TimestampEpochNumber],
  ])('notes the assumption made for %j', (input, code) => {
    const parsed = parseEventTime(input);

    expect(parsed.status === 'ok' && parsed.value.assumption?.code).toBe(code);
  });

  it.each<unknown>([
    'yesterday',
    'Mon, 30 Nov 2026 09:00:00 GMT',
    '2026-02-30T00:00:00Z',
    '2026-11-30T24:00:00Z',
    '2026-11-30T09:00:00+25:00',
    '',
    true,
    {},
    1e20,
    new Date(NaN),
  ])('refuses %j', (input) => {
    expect(parseEventTime(input).status).toBe('invalid');
  });
});

describe('resolveEventTime', () => {
  it('uses timestamp without a warning when it is usable', () => {
    const warnings: MappingWarning[] = [];
    const time = resolveEventTime(
      { timestamp: '2026-11-30T09:00:00Z', receivedAt: '2026-11-30T10:00:00Z' },
      warnings,
    );

    expect(time).toBe('2026-11-30T09:00:00.000Z');
    expect(warnings).toEqual([]);
  });

  it('corrects originalTimestamp for clock skew when timestamp is missing', () => {
    const warnings: MappingWarning[] = [];
    const time = resolveEventTime(
      {
        originalTimestamp: '2026-11-30T08:59:00Z',
        sentAt: '2026-11-30T09:00:00Z',
        receivedAt: '2026-11-30T09:05:00Z',
      },
      warnings,
    );

    expect(time).toBe('2026-11-30T09:04:00.000Z');
    expect(warnings.map((w) => w.code)).toEqual([MappingWarningCode.TimestampFallback]);
  });

  it('falls back to receivedAt with a warning for each unreadable field', () => {
    const warnings: MappingWarning[] = [];
    const time = resolveEventTime(
      { timestamp: 'soon', receivedAt: '2026-11-30T09:00:00.412Z' },
      warnings,
    );

    expect(time).toBe('2026-11-30T09:00:00.412Z');
    expect(warnings).toEqual([
      expect.objectContaining({ code: MappingWarningCode.TimestampInvalid, field: 'timestamp' }),
      expect.objectContaining({ code: MappingWarningCode.TimestampFallback, field: 'timestamp' }),
    ]);
  });

  it('returns undefined when no field has a usable time', () => {
    expect(resolveEventTime({ timestamp: 'never' }, [])).toBeUndefined();
    expect(resolveEventTime({}, [])).toBeUndefined();
  });
});
