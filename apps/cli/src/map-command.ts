import { PLATFORMS, type Platform, type PlatformSwitches } from '@sbi/identity';
import { SingleBar } from 'cli-progress';
import { once } from 'node:events';

import { openJsonLines, type JsonLinesInput } from './jsonl-input.reader';
import { previewLine, type PreviewRun } from './line-preview.resolver';
import { countPreview, createTally, formatSummary, type Tally } from './map-summary.formatter';

export const USAGE = `Usage: npm run --silent map -- [--platforms ios,android,web] FILE|-

Previews what the service would do with Segment messages (JSON Lines, gzip detected), storing
nothing. Each line goes the service's way: checked as ingest checks it (rejected: the service
answers 400), a messageId met earlier in the run is a duplicate (stored once), a message
without receivedAt gets the run's start time as its arrival time (one instant for the whole
run), then it is mapped (imported or skipped). Writes one JSON result per non-blank line to
stdout and a summary to stderr.
  --platforms  platforms the app imports from (default: all of ${PLATFORMS.join(',')})
  -h, --help   print this help`;

interface MapOptions {
  file: string;
  platforms: PlatformSwitches;
}

/** Exit codes: 0 done (whatever was skipped), 2 bad usage or an input that cannot be read. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 2;

const HELP_FLAGS: ReadonlySet<string> = new Set(['-h', '--help']);

/**
 * Runs the dry-run `map` command: reads Segment messages line by line and previews each as the
 * service would treat it (see `previewLine`), one JSON result per non-blank line. A bad line is
 * reported and the run goes on. `-h`/`--help` prints the usage to stdout. Returns the exit code.
 */
export async function runMapCommand(args: string[]): Promise<number> {
  if (args.some((arg) => HELP_FLAGS.has(arg))) {
    process.stdout.write(`${USAGE}\n`);

    return EXIT_OK;
  }

  const options = parseArgs(args);

  if (typeof options === 'string') {
    process.stderr.write(`${options}\n\n${USAGE}\n`);

    return EXIT_FAILURE;
  }

  try {
    const input = await openJsonLines(options.file);
    const run: PreviewRun = {
      platforms: options.platforms,
      startedAt: new Date(),
      seenOnLine: new Map(),
    };
    const tally = await previewLines(input, run);
    const failure = input.failure();

    process.stderr.write(formatSummary(tally, run.startedAt));
    if (failure) {
      process.stderr.write(`map: reading ${options.file} failed: ${failure.message}\n`);

      return EXIT_FAILURE;
    }

    return EXIT_OK;
  } catch (error) {
    process.stderr.write(`map: cannot read ${options.file}: ${(error as Error).message}\n`);

    return EXIT_FAILURE;
  }
}

function parseArgs(args: string[]): MapOptions | string {
  const files: string[] = [];
  let platformList: string | undefined;

  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];

    if (arg === '--platforms') {
      platformList = args[(i += 1)];
    } else if (arg.startsWith('--platforms=')) {
      platformList = arg.slice('--platforms='.length);
    } else if (arg.startsWith('--') || (arg.startsWith('-') && arg !== '-')) {
      return `map: unknown option ${arg}`;
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) {
    return 'map: give exactly one FILE, or - for stdin';
  }

  const platforms = parsePlatforms(platformList);

  return typeof platforms === 'string' ? platforms : { file: files[0], platforms };
}

/** "ios,android" => those on, web off; absent => all on. */
function parsePlatforms(list: string | undefined): PlatformSwitches | string {
  if (list === undefined) {
    return { ios: true, android: true, web: true };
  }

  const names = list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !(PLATFORMS as readonly string[]).includes(name));

  if (unknown.length > 0 || names.length === 0) {
    return `map: --platforms takes a list of ${PLATFORMS.join(', ')} (got "${list}")`;
  }

  const isOn = (platform: Platform): boolean => names.includes(platform);

  return { ios: isOn('ios'), android: isOn('android'), web: isOn('web') };
}

async function previewLines(input: JsonLinesInput, run: PreviewRun): Promise<Tally> {
  const tally = createTally();
  const bar = createProgressBar(input);
  let lineNumber = 0;

  for await (const line of input.lines) {
    lineNumber += 1;
    if (line.trim() === '') {
      continue;
    }

    const preview = previewLine(line, lineNumber, run);

    countPreview(tally, preview);
    if (!process.stdout.write(`${JSON.stringify(preview.output)}\n`)) {
      await once(process.stdout, 'drain');
    }
    if (bar && tally.lines % 200 === 0) {
      bar.update(input.bytesRead(), { lines: tally.lines, imported: tally.imported });
    }
  }
  bar?.update(input.totalBytes ?? 0, { lines: tally.lines, imported: tally.imported });
  bar?.stop();

  return tally;
}

/** A bar only for a person watching: a redirected stderr (CI, files) gets no escape codes. */
function createProgressBar(input: JsonLinesInput): SingleBar | undefined {
  if (!process.stderr.isTTY) {
    return undefined;
  }

  const format =
    input.totalBytes === undefined
      ? 'mapping | {lines} lines | {imported} imported'
      : 'mapping |{bar}| {percentage}% | {lines} lines | {imported} imported';
  const bar = new SingleBar({ stream: process.stderr, format, hideCursor: true });

  bar.start(input.totalBytes ?? 0, 0, { lines: 0, imported: 0 });

  return bar;
}
