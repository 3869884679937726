import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';

import { AppConfig } from '@sbi/config';

import { ClientThrottlerGuard } from './client-throttler.guard';

/**
 * Limits every route per client address, ADMIN_RATE_LIMIT_PER_MINUTE a minute, before any
 * credential is checked, so guessing tokens or flooding the admin API is bounded. Intake and
 * health opt out with @SkipThrottle(): Segment sends in bursts and retries a 429, which would
 * only delay data, and the queue already answers 503 under overload. Counters live in memory,
 * per ingest instance.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.http.adminRateLimitPerMinute }],
        errorMessage: 'Too many admin requests from this address; wait for Retry-After seconds.',
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: ClientThrottlerGuard }],
})
export class RateLimitModule {}
