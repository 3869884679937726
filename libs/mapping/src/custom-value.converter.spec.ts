import { toCustomDataString } from './custom-value.converter';

describe('toCustomDataString', () => {
  it.each<[unknown, string]>([
    ['gift wrap', 'gift wrap'],
    ['', ''],
    [250, '250'],
    [39.5, '39.5'],
    [1e21, '1000000000000000000000'],
    [true, 'true'],
    [false, 'false'],
    [null, 'null'],
    [['summer', 'promo'], '["summer","promo"]'],
    [{ source: 'ads', n: 1 }, '{"source":"ads","n":1}'],
    [[], '[]'],
    [12n, '12'],
    ['🍣', '🍣'],
  ])('turns %j into %j', (input, expected) => {
    expect(toCustomDataString(input)).toEqual({ ok: true, text: expected });
  });

  it('refuses what JSON cannot hold', () => {
    const cycle: Record<string, unknown> = {};

    cycle.self = cycle;

    expect(toCustomDataString(cycle).ok).toBe(false);
    expect(toCustomDataString({ big: 1n }).ok).toBe(false);
    expect(toCustomDataString(undefined).ok).toBe(false);
    expect(toCustomDataString(() => 1).ok).toBe(false);
  });
});
