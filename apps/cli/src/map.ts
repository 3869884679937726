// Dry-run entry point: `npm run --silent map -- [--platforms ios,android] FILE|-`.
import { runMapCommand } from './map-command';

// A closed pipe (`| head`) is a reader that has seen enough, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  process.exit(error.code === 'EPIPE' ? 0 : 2);
});

void runMapCommand(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
