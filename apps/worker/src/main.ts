import { Logger } from '@nestjs/common';

import { AppConfig, exitOnInvalidEnvironment } from '@sbi/config';
import { IMPORT_QUEUE } from '@sbi/queue';

import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  exitOnInvalidEnvironment('worker');

  const app = await createWorkerApp();
  const { prefix, workerConcurrency } = app.get(AppConfig).queue;

  new Logger('Worker').log(
    { queue: IMPORT_QUEUE, prefix, concurrency: workerConcurrency },
    'consuming',
  );
}

main().catch((error: unknown) => {
  // The logger may not exist when boot fails: stderr is all there is, and the non-zero exit
  // tells the supervisor.
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
