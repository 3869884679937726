import fc from 'fast-check';

import { decodeFieldNames, encodeFieldName, encodeFieldNames } from './field-names';

describe('encodeFieldNames', () => {
  it.each([
    ['$sku', '%24sku'],
    ['a.b', 'a%2Eb'],
    ['100%', '100%25'],
    ['nul\u0000', 'nul%00'],
    ['plain', 'plain'],
    ['__proto__', '%5F_proto__'],
    ['__proto__x', '__proto__x'],
  ])('encodes %j as %j', (name, encoded) => {
    expect(encodeFieldName(name)).toBe(encoded);
  });

  it('round-trips a key named __proto__ as a plain key', () => {
    const value = JSON.parse('{"__proto__":"kept","a":1}');
    const decoded = decodeFieldNames(encodeFieldNames(value));

    expect(Object.keys(decoded)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
  });

  it('encodes nested keys inside arrays', () => {
    expect(encodeFieldNames({ items: [{ $sku: 'a', 'x.y': { $z: 1 } }] })).toEqual({
      items: [{ '%24sku': 'a', 'x%2Ey': { '%24z': 1 } }],
    });
  });

  it('round-trips any JSON value and leaves no unsafe key behind', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const encoded = encodeFieldNames(value);

        expect(decodeFieldNames(encoded)).toEqual(value);
        expect(allKeys(encoded).some((key) => key.startsWith('$') || key.includes('.'))).toBe(
          false,
        );
      }),
    );
  });
});

function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (typeof value !== 'object' || value === null) return [];

  return Object.entries(value).flatMap(([key, item]) => [key, ...allKeys(item)]);
}
