import { AppConfig } from './app-config';
import { DEVELOPMENT_DEFAULTS, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('applies local defaults when nothing is set', () => {
    const env = validateEnvironment({});

    expect(env.MONGODB_URI).toBe('mongodb://127.0.0.1:27017/segment_branch_import');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.PORT).toBe(8080);
    expect(env.ADMIN_TOKEN).toBe(DEVELOPMENT_DEFAULTS.ADMIN_TOKEN);
  });

  it('converts numeric strings and treats empty values as unset', () => {
    const env = validateEnvironment({ PORT: '9000', WORKER_CONCURRENCY: '' });

    expect(env.PORT).toBe(9000);
    expect(env.WORKER_CONCURRENCY).toBe(8);
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', 1],
    ['10.0.0.1, 10.0.0.0/8', '10.0.0.1, 10.0.0.0/8'],
  ])('reads TRUST_PROXY=%j as %j, so "false" is not true', (raw, expected) => {
    expect(validateEnvironment(raw === undefined ? {} : { TRUST_PROXY: raw }).TRUST_PROXY).toBe(
      expected,
    );
  });

  it.each(['maybe', '999.1.1.1', '10.0.0.0/8/9'])('refuses TRUST_PROXY=%j, naming it', (raw) => {
    expect(() => validateEnvironment({ TRUST_PROXY: raw })).toThrow(
      /^Invalid configuration: TRUST_PROXY=/,
    );
  });

  it('names every bad variable and its value in one error', () => {
    expect(() => validateEnvironment({ PORT: 'http', REDIS_URL: 'localhost:6379' })).toThrow(
      /PORT="http": .*integer.*; REDIS_URL="localhost:6379": must match/,
    );
  });

  it('never echoes a secret in the error', () => {
    expect(() => validateEnvironment({ SECRETS_ENCRYPTION_KEY: 'short-secret' })).toThrow(
      /^Invalid configuration: SECRETS_ENCRYPTION_KEY: must be 64 hex characters$/,
    );
  });

  it('requires the admin token and encryption key in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(
      /ADMIN_TOKEN is required.*SECRETS_ENCRYPTION_KEY is required/,
    );
  });

  it('gives JSON logs in production and pretty logs elsewhere unless told', () => {
    const production = validateEnvironment({
      NODE_ENV: 'production',
      ADMIN_TOKEN: 'a-long-operator-token',
      SECRETS_ENCRYPTION_KEY: 'ab'.repeat(32),
    });

    expect(new AppConfig(production).log.pretty).toBe(false);
    expect(new AppConfig(validateEnvironment({})).log.pretty).toBe(true);
    expect(new AppConfig(validateEnvironment({ LOG_FORMAT: 'json' })).log.pretty).toBe(false);
  });
});
