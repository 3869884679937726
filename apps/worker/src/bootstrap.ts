import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

import { WorkerModule } from './worker.module';

/**
 * Builds the worker: no HTTP server, only the BullMQ consumer. On SIGTERM, shutdown hooks
 * close the BullMQ worker, which lets running jobs finish; a job cut off by a crash is
 * picked up again by BullMQ's stalled-job check and stored once thanks to the upserts.
 */
export async function createWorkerApp(
  overrides: Record<string, string> = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(overrides), {
    bufferLogs: true,
    abortOnError: false,
  });

  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();

  return app;
}
