import fc from 'fast-check';

import {
  describeType,
  parseCurrency,
  parseNumber,
  parseText,
  toPlainDecimal,
} from './property-value.parser';

describe('parseNumber', () => {
  it.each<[unknown, number]>([
    [39.5, 39.5],
    [0, 0],
    [-3, -3],
    ['128.00', 128],
    [' 4.99 ', 4.99],
    ['.5', 0.5],
    ['+7', 7],
    ['1e3', 1000],
  ])('reads %j as %d', (input, expected) => {
    expect(parseNumber(input)).toEqual({ status: 'ok', value: expected });
  });

  it.each<unknown>([-0, '-0', '-0.00'])('reads %j as plain 0, since JSON has no -0', (input) => {
    const parsed = parseNumber(input);

    expect(parsed.status === 'ok' && Object.is(parsed.value, 0)).toBe(true);
  });

  it.each([undefined, null])('treats %j as absent', (input) => {
    expect(parseNumber(input)).toEqual({ status: 'absent' });
  });

  it.each<unknown>([
    '',
    'abc',
    '1,299.00',
    '12 EUR',
    '0x10',
    'Infinity',
    NaN,
    Infinity,
    true,
    {},
    [],
  ])('refuses %j', (input) => {
    expect(parseNumber(input).status).toBe('invalid');
  });
});

describe('parseText', () => {
  it('keeps strings exactly, including spaces and emoji', () => {
    expect(parseText(' ord 1 🍣 ')).toEqual({ status: 'ok', value: ' ord 1 🍣 ' });
  });

  it('writes numbers as plain decimals', () => {
    expect(parseText(1042)).toEqual({ status: 'ok', value: '1042' });
    expect(parseText(1e21)).toEqual({ status: 'ok', value: '1000000000000000000000' });
  });

  it.each([undefined, null, '', '   '])('treats %j as absent', (input) => {
    expect(parseText(input)).toEqual({ status: 'absent' });
  });

  it.each<unknown>([true, {}, ['a'], NaN])('refuses %j', (input) => {
    expect(parseText(input).status).toBe('invalid');
  });
});

describe('parseCurrency', () => {
  it.each([
    ['USD', 'USD'],
    ['eur', 'EUR'],
    [' gbp ', 'GBP'],
  ])('reads %j as %s', (input, code) => {
    expect(parseCurrency(input)).toEqual({ status: 'ok', value: code });
  });

  it('keeps a three-letter code that is not ISO 4217, with a note', () => {
    expect(parseCurrency('XYZ')).toEqual({
      status: 'ok',
      value: 'XYZ',
      note: 'XYZ is not an ISO 4217 currency code',
    });
  });

  it.each<unknown>(['US Dollar', '€', 'EU', 'EURO', 978, {}])('refuses %j', (input) => {
    expect(parseCurrency(input).status).toBe('invalid');
  });
});

describe('toPlainDecimal', () => {
  it.each<[number, string]>([
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [1e-7, '0.0000001'],
    [-2.5e-8, '-0.000000025'],
    [123.456, '123.456'],
    [-0, '0'],
    [5e-324, `0.${'0'.repeat(323)}5`],
  ])('writes %d as %s', (input, expected) => {
    expect(toPlainDecimal(input)).toBe(expected);
  });

  it('never writes an exponent and always reads back as the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = toPlainDecimal(value);

        expect(text).not.toMatch(/e/i);
        expect(Number(text)).toBe(Object.is(value, -0) ? 0 : value);
      }),
    );
  });
});

describe('describeType', () => {
  it.each<[unknown, string]>([
    [undefined, 'undefined'],
    [null, 'null'],
    [[1], 'an array'],
    [{}, 'an object'],
    ['x', 'a string'],
    [1, 'a number'],
    [1n, 'a bigint'],
    [true, 'a boolean'],
    [Symbol('s'), 'a symbol'],
    [() => 1, 'a function'],
  ])('names %p as "%s"', (value, name) => {
    expect(describeType(value)).toBe(name);
  });
});
