import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

import type { EncryptedValue } from '@sbi/storage';

/** A new app's Branch key and secret, in Branch's `key_live_` / `secret_live_` style. */
export function generateCredentials(): { branchKey: string; branchSecret: string } {
  return {
    branchKey: `key_live_${randomToken(24)}`,
    branchSecret: `secret_live_${randomToken(32)}`,
  };
}

/** A key for one app's admin routes, distinct in shape from ingest credentials. */
export function generateAdminKey(): string {
  return `sbi_admin_${randomToken(32)}`;
}

/**
 * SHA-256 of a secret. Secrets are 32 random bytes, so a slow password hash would add nothing
 * against guessing, while a deterministic hash lets ingest find an app by a write key alone.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two strings in time that does not depend on where they differ. */
export function constantTimeEquals(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();

  // Hashing first gives equal lengths, so timingSafeEqual never throws or leaks the length.
  return timingSafeEqual(left, right) && a.length === b.length;
}

/**
 * The webhook signing secret must be usable in clear to compute HMACs, so it is encrypted
 * (AES-256-GCM, key from SECRETS_ENCRYPTION_KEY) rather than hashed.
 */
export function encryptSecret(secret: string, key: Buffer): EncryptedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);

  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Throws when the value was not encrypted with this key or was tampered with. */
export function decryptSecret(value: EncryptedValue, key: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(value.iv, 'base64'));

  decipher.setAuthTag(Buffer.from(value.tag, 'base64'));

  return Buffer.concat([
    decipher.update(Buffer.from(value.data, 'base64')),
    decipher.final(),
  ]).toString('utf8');
}

/** Hex HMAC-SHA1 of the raw request body: what Segment's webhook sends as X-Signature. */
export function signWebhookBody(body: Buffer, secret: string): string {
  return createHmac('sha1', secret).update(body).digest('hex');
}

/** Parses `Authorization: Basic base64(user:password)`; undefined when it is anything else. */
export function parseBasicAuth(header: unknown): { user: string; password: string } | undefined {
  if (typeof header !== 'string') return undefined;

  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);

  if (!match) return undefined;

  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');

  if (colon < 0) return { user: decoded, password: '' };

  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}
