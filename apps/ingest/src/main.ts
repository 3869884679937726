import { Logger } from '@nestjs/common';

import { AppConfig, exitOnInvalidEnvironment } from '@sbi/config';

import { createIngestApp } from './bootstrap';
import { MessageQueue } from './queue/message-queue.service';

async function main(): Promise<void> {
  exitOnInvalidEnvironment('ingest');

  const app = await createIngestApp();
  const { host, port } = app.get(AppConfig).http;
  const logger = new Logger('Ingest');

  await app.listen(port, host);
  logger.log({ url: await app.getUrl() }, 'listening');

  // Ingest starts without Redis (it answers 503 until Redis is back); say so at once.
  if (!(await app.get(MessageQueue).isReachable())) {
    logger.warn(
      { redis: 'unreachable' },
      'Redis does not answer; intake answers 503 until it does',
    );
  }
}

main().catch((error: unknown) => {
  // The logger may not exist when boot fails: stderr is all there is, and the non-zero exit
  // tells the supervisor.
  process.stderr.write(`ingest failed to start: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
