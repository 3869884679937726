import { createWorkerApp } from './bootstrap';

createWorkerApp().catch((error: unknown) => {
  // The logger may not exist yet when boot fails (e.g. invalid configuration): stderr is all
  // there is, and the non-zero exit tells the supervisor.
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
