import { readIdentifier, readPositiveInteger, readRecord, readText } from './field-readers.util';

describe('readIdentifier', () => {
  it.each([
    ['a trimmed string', '  user-1 ', 'user-1'],
    ['a safe integer as text', 42, '42'],
    ['zero as text', 0, '0'],
    ['an empty string', '', undefined],
    ['a whitespace-only string', ' \t\n', undefined],
    ['a fraction', 1.5, undefined],
    ['an integer past 2^53, already rounded by JSON', 2 ** 60, undefined],
    ['NaN', Number.NaN, undefined],
    ['a boolean', true, undefined],
    ['null', null, undefined],
    ['an object', { id: 'x' }, undefined],
    ['an array', ['x'], undefined],
  ])('reads %s', (_label, value, expected) => {
    expect(readIdentifier(value)).toBe(expected);
  });
});

describe('readText', () => {
  it.each([
    ['a trimmed string', ' 17.4 ', '17.4'],
    ['a finite number', 17.4, '17.4'],
    ['Infinity', Number.POSITIVE_INFINITY, undefined],
    ['an empty string', '', undefined],
    ['a boolean', false, undefined],
  ])('reads %s', (_label, value, expected) => {
    expect(readText(value)).toBe(expected);
  });
});

describe('readPositiveInteger', () => {
  it.each([
    ['a whole number', 393, 393],
    ['a fraction, rounded', 392.6, 393],
    ['a value rounding to zero', 0.4, undefined],
    ['a negative number', -5, undefined],
    ['a numeric string', '393', undefined],
    ['NaN', Number.NaN, undefined],
  ])('reads %s', (_label, value, expected) => {
    expect(readPositiveInteger(value)).toBe(expected);
  });
});

describe('readRecord', () => {
  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'context'],
  ])('refuses %s', (_label, value) => {
    expect(readRecord(value)).toBeUndefined();
  });

  it('returns a plain object as it is', () => {
    const record = { a: 1 };

    expect(readRecord(record)).toBe(record);
  });
});
