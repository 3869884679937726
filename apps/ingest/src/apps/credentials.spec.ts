import { randomBytes } from 'node:crypto';

import {
  constantTimeEquals,
  decryptSecret,
  encryptSecret,
  generateCredentials,
  hashSecret,
  parseBasicAuth,
  signWebhookBody,
} from './credentials';

describe('credentials', () => {
  it('generates distinct Branch-style keys and secrets', () => {
    const first = generateCredentials();
    const second = generateCredentials();

    expect(first.branchKey).toMatch(/^key_live_[A-Za-z0-9_-]{32}$/);
    expect(first.branchSecret).toMatch(/^secret_live_[A-Za-z0-9_-]{43}$/);
    expect(first.branchSecret).not.toBe(second.branchSecret);
  });

  it('hashes deterministically without keeping the secret', () => {
    expect(hashSecret('s')).toBe(hashSecret('s'));
    expect(hashSecret('s')).not.toContain('s'.repeat(2));
    expect(hashSecret('s')).toHaveLength(64);
  });

  it('compares strings of different lengths without throwing', () => {
    expect(constantTimeEquals('abc', 'abc')).toBe(true);
    expect(constantTimeEquals('abc', 'abcd')).toBe(false);
    expect(constantTimeEquals('abc', 'abd')).toBe(false);
  });

  it('round-trips an encrypted secret and refuses another key', () => {
    const key = randomBytes(32);
    const encrypted = encryptSecret('whsec', key);

    expect(encrypted.data).not.toContain('whsec');
    expect(decryptSecret(encrypted, key)).toBe('whsec');
    expect(() => decryptSecret(encrypted, randomBytes(32))).toThrow();
  });

  it('signs like Segment: hex HMAC-SHA1 of the raw bytes', () => {
    // Reference value from `printf '{"a":1}' | openssl dgst -sha1 -hmac secret`.
    expect(signWebhookBody(Buffer.from('{"a":1}'), 'secret')).toBe(
      'f8446672f033e4b2beafc5ca3a71eafcd2cafb6e',
    );
  });

  it.each([
    ['Basic ' + Buffer.from('key:secret').toString('base64'), { user: 'key', password: 'secret' }],
    ['Basic ' + Buffer.from('writekey:').toString('base64'), { user: 'writekey', password: '' }],
    ['Basic ' + Buffer.from('a:b:c').toString('base64'), { user: 'a', password: 'b:c' }],
    ['Bearer token', undefined],
    [undefined, undefined],
  ])('parses %j', (header, expected) => {
    expect(parseBasicAuth(header)).toEqual(expected);
  });
});
