import 'reflect-metadata';

import { isIP } from 'node:net';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/**
 * Every environment variable the apps read, with its default and meaning. Validated once at
 * boot (`validateEnvironment`); a bad value stops startup and is named in the error.
 * Defaults point at the local services that `scripts/services.sh` starts.
 */
export class Environment {
  /** `production` turns on JSON logs and makes ADMIN_TOKEN and SECRETS_ENCRYPTION_KEY required. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** Pino level: fatal, error, warn, info, debug, trace or silent. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** `json` (one object per line) or `pretty`; defaults to json in production, else pretty. */
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  /** Port of the ingest HTTP server. */
  @IsInt()
  @Min(0)
  @Max(65535)
  @Type(() => Number)
  PORT: number = 8080;

  /** Address the ingest server binds; loopback by default, 0.0.0.0 behind a proxy. */
  @IsString()
  HOST: string = '127.0.0.1';

  /**
   * Which proxies in front of ingest to believe about the client address (X-Forwarded-For):
   * `false` (default: none), a hop count such as `1` (one load balancer), or a comma-separated
   * list of proxy addresses or CIDRs. `true` believes every hop, so a client can choose the
   * address the admin rate limit counts: only for a proxy that overwrites the header.
   */
  @Transform(({ obj, key }) => parseTrustProxy(obj[key]))
  TRUST_PROXY: boolean | number | string = false;

  /** Admin API requests (any route under /admin and /metrics) per client address a minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ADMIN_RATE_LIMIT_PER_MINUTE: number = 600;

  /** MongoDB connection string; locally a FerretDB server speaks the same protocol. */
  @Matches(/^mongodb(\+srv)?:\/\//)
  MONGODB_URI: string = 'mongodb://127.0.0.1:27017/segment_branch_import';

  /** How long a MongoDB operation waits for a reachable server before it fails (and retries). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  MONGODB_SERVER_SELECTION_TIMEOUT_MS: number = 5000;

  /** Redis connection string for the BullMQ queue. */
  @Matches(/^rediss?:\/\//)
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  /** Key prefix of every BullMQ key, so several deployments (or test runs) share one Redis. */
  @Matches(/^[A-Za-z0-9_-]+$/)
  QUEUE_PREFIX: string = 'sbi';

  /** Bearer token of the operator, who may manage every app. Required in production. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  ADMIN_TOKEN?: string;

  /** 32 bytes as 64 hex characters; encrypts webhook signing secrets at rest. */
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'SECRETS_ENCRYPTION_KEY must be 64 hex characters' })
  SECRETS_ENCRYPTION_KEY?: string;

  /** How long ingest waits for Redis to accept a job before answering 503. */
  @IsInt()
  @Min(50)
  @Type(() => Number)
  ENQUEUE_TIMEOUT_MS: number = 2000;

  /**
   * How long a client may take to send a whole request before it gets a 408; bounds slow
   * senders that would otherwise hold connections open forever.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  REQUEST_TIMEOUT_MS: number = 30000;

  /** How long ingest waits for MongoDB to find the app of a request before answering 503. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  AUTH_LOOKUP_TIMEOUT_MS: number = 2000;

  /** How long ingest trusts an app looked up by its credentials (secret changes lag this much). */
  @IsInt()
  @Min(0)
  @Type(() => Number)
  APP_CACHE_TTL_MS: number = 5000;

  /** Jobs the worker processes at once. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  WORKER_CONCURRENCY: number = 8;

  /** Tries per job before it lands in the failed (dead-letter) state. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  JOB_ATTEMPTS: number = 8;

  /** First retry delay; each further retry doubles it. */
  @IsInt()
  @Min(0)
  @Type(() => Number)
  JOB_BACKOFF_MS: number = 1000;
}

/** Values used only outside production, so the demo and tests run with no setup. */
export const DEVELOPMENT_DEFAULTS = {
  ADMIN_TOKEN: 'local-admin-token-change-me',
  SECRETS_ENCRYPTION_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
} as const;

const PRODUCTION_REQUIRED = ['ADMIN_TOKEN', 'SECRETS_ENCRYPTION_KEY'] as const;

/**
 * Validates raw environment variables and returns them typed, with defaults applied.
 * Throws one Error naming every bad or missing variable.
 */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, withoutEmptyValues(raw), {
    enableImplicitConversion: true,
    excludeExtraneousValues: false,
  });
  const problems = validateSync(env, { skipMissingProperties: false }).map((error) =>
    describeProblem(error.property, raw[error.property], Object.values(error.constraints ?? {})),
  );

  if (typeof env.TRUST_PROXY === 'string' && !isAddressList(env.TRUST_PROXY)) {
    problems.push(
      `TRUST_PROXY=${JSON.stringify(env.TRUST_PROXY)}: must be false, true, a hop count, ` +
        'or comma-separated IP addresses or CIDRs',
    );
  }

  if (env.NODE_ENV === 'production') {
    for (const name of PRODUCTION_REQUIRED) {
      if (!env[name]) problems.push(`${name} is required when NODE_ENV=production`);
    }
  } else {
    env.ADMIN_TOKEN ??= DEVELOPMENT_DEFAULTS.ADMIN_TOKEN;
    env.SECRETS_ENCRYPTION_KEY ??= DEVELOPMENT_DEFAULTS.SECRETS_ENCRYPTION_KEY;
  }

  if (problems.length > 0) {
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }

  return env;
}

/** `false`, `true`, a hop count, or proxy addresses, as Fastify's trustProxy takes them. */
export function parseTrustProxy(raw: unknown): boolean | number | string {
  const text = String(raw ?? 'false').trim();

  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);

  return text;
}

function isAddressList(text: string): boolean {
  return text.split(',').every((entry) => {
    const [address, bits, extra] = entry.trim().split('/');
    const version = isIP(address);

    return version !== 0 && extra === undefined && (bits === undefined || /^\d{1,3}$/.test(bits));
  });
}

const SECRET_VARIABLES = new Set(['ADMIN_TOKEN', 'SECRETS_ENCRYPTION_KEY']);

/** `PORT="abc": must be an integer number, ...`; secrets are never echoed. */
function describeProblem(name: string, value: unknown, messages: string[]): string {
  const shown =
    SECRET_VARIABLES.has(name) || value === undefined ? '' : `=${JSON.stringify(value)}`;
  const reasons = messages.map((message) => message.replace(new RegExp(`^${name} `), ''));

  return `${name}${shown}: ${reasons.join(', ')}`;
}

/** An empty variable (`PORT=`) means "not set", so its default applies. */
function withoutEmptyValues(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
}

/**
 * For an app's main(): checks the environment before Nest boots, so a bad value ends the
 * process with one clear line on stderr instead of a dependency-injection stack trace.
 */
export function exitOnInvalidEnvironment(appName: string): void {
  try {
    validateEnvironment(process.env);
  } catch (error) {
    process.stderr.write(`${appName}: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
}
