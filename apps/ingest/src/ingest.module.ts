import { DynamicModule, Module } from '@nestjs/common';

import { AppConfigModule, LoggingModule } from '@sbi/config';
import { StorageModule } from '@sbi/storage';

import { AppsModule } from './apps/apps.module';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { InsightsModule } from './insights/insights.module';
import { TrackingModule } from './tracking/tracking.module';

@Module({})
export class IngestModule {
  /** `overrides` replace environment variables; tests use them to isolate their data. */
  static forRoot(overrides: Record<string, string> = {}): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        AppConfigModule.forRoot(overrides),
        LoggingModule,
        StorageModule.forRoot(),
        AppsModule,
        InsightsModule,
        TrackingModule,
        DeadLettersModule,
        HealthModule,
        MetricsModule,
        RateLimitModule,
      ],
    };
  }
}
