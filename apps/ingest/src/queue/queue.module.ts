import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';

import { AppConfig, redisConnectionOptions } from '@sbi/config';
import { IMPORT_QUEUE, importJobDefaults } from '@sbi/queue';

import { FailedJobs } from './failed-jobs.service';
import { MessageQueue } from './message-queue.service';

/** Producer side of the import queue; every job gets the retry policy of libs/queue. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.redis.url, true),
        prefix: config.queue.prefix,
      }),
    }),
    BullModule.registerQueueAsync({
      name: IMPORT_QUEUE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        defaultJobOptions: importJobDefaults(config.queue),
      }),
    }),
  ],
  providers: [MessageQueue, FailedJobs],
  exports: [MessageQueue, FailedJobs],
})
export class QueueModule {}
