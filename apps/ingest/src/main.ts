import { AppConfig } from '@sbi/config';

import { createIngestApp } from './bootstrap';

async function main(): Promise<void> {
  const app = await createIngestApp();
  const { host, port } = app.get(AppConfig).http;

  await app.listen(port, host);
}

void main();
