import { AppConfig } from '@sbi/config';

import { createIngestApp } from './bootstrap';

async function main(): Promise<void> {
  const app = await createIngestApp();
  const { host, port } = app.get(AppConfig).http;

  await app.listen(port, host);
}

main().catch((error: unknown) => {
  // The logger may not exist yet when boot fails (e.g. invalid configuration): stderr is all
  // there is, and the non-zero exit tells the supervisor.
  process.stderr.write(`ingest failed to start: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
