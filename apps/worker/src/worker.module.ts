import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';

import { AppConfig, AppConfigModule, LoggingModule, redisConnectionOptions } from '@sbi/config';
import { IMPORT_QUEUE } from '@sbi/queue';
import { StorageModule } from '@sbi/storage';

import { Clock } from '@sbi/config';
import { EventStore } from './import/event-store.repository';
import { ImportProcessor } from './import/import.processor';
import { ImportService } from './import/import.service';

@Module({})
export class WorkerModule {
  /** `overrides` replace environment variables; tests use them to isolate their data. */
  static forRoot(overrides: Record<string, string> = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(overrides),
        LoggingModule,
        StorageModule.forRoot(),
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: redisConnectionOptions(config.redis.url),
            prefix: config.queue.prefix,
          }),
        }),
        BullModule.registerQueue({ name: IMPORT_QUEUE }),
      ],
      providers: [Clock, EventStore, ImportService, ImportProcessor],
    };
  }
}
