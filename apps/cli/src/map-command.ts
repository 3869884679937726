import { PLATFORMS, type Platform, type PlatformSwitches } from '@sbi/identity';
import {
  mapSegmentMessage,
  type MappingResult,
  SKIP_REASON_DESCRIPTIONS,
  SkipReason,
} from '@sbi/mapping';
import { SingleBar } from 'cli-progress';
import { once } from 'node:events';

import { openJsonLines, type JsonLinesInput } from './jsonl-input.reader';

export const USAGE = `Usage: npm run --silent map -- [--platforms ios,android,web] FILE|-

Maps Segment messages (JSON Lines, gzip detected) to Branch events without storing anything.
Writes one JSON result per input line to stdout and a summary to stderr.
  --platforms  platforms the app imports from (default: all of ${PLATFORMS.join(',')})`;

interface MapOptions {
  file: string;
  platforms: PlatformSwitches;
}

interface Tally {
  lines: number;
  imported: number;
  warned: number;
  skipped: Map<string, number>;
}

/** Exit codes: 0 done (whatever was skipped), 2 bad usage or an input that cannot be read. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 2;

/**
 * Runs the dry-run `map` command: reads Segment messages line by line, maps each, writes one
 * JSON result per non-blank line. A line that is not JSON gives `reason: "invalid_json"` and
 * the run goes on. Returns the exit code.
 */
export async function runMapCommand(args: string[]): Promise<number> {
  const options = parseArgs(args);

  if (typeof options === 'string') {
    process.stderr.write(`${options}\n\n${USAGE}\n`);

    return EXIT_FAILURE;
  }

  try {
    const input = await openJsonLines(options.file);
    const tally = await mapLines(input, options.platforms);
    const failure = input.failure();

    process.stderr.write(formatSummary(tally));
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

async function mapLines(input: JsonLinesInput, platforms: PlatformSwitches): Promise<Tally> {
  const tally: Tally = { lines: 0, imported: 0, warned: 0, skipped: new Map() };
  const bar = createProgressBar(input);
  let lineNumber = 0;

  for await (const line of input.lines) {
    lineNumber += 1;
    if (line.trim() === '') {
      continue;
    }

    const output = mapLine(line, lineNumber, platforms, tally);

    if (!process.stdout.write(`${JSON.stringify(output)}\n`)) {
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

function mapLine(
  line: string,
  lineNumber: number,
  platforms: PlatformSwitches,
  tally: Tally,
): Record<string, unknown> {
  const parsed = parseJson(line);

  tally.lines += 1;
  if (!parsed.ok) {
    count(tally, SkipReason.InvalidJson);

    return {
      line: lineNumber,
      messageId: null,
      imported: false,
      reason: SkipReason.InvalidJson,
      detail: parsed.why,
    };
  }

  const result = mapSegmentMessage(parsed.value, { platforms });

  count(tally, result.imported ? 'imported' : result.reason);
  if (result.warnings.length > 0) {
    tally.warned += 1;
  }

  return {
    line: lineNumber,
    messageId: readMessageId(parsed.value),
    ...withoutEmptyWarnings(result),
  };
}

function parseJson(line: string): { ok: true; value: unknown } | { ok: false; why: string } {
  try {
    return { ok: true, value: JSON.parse(line) };
  } catch (error) {
    return { ok: false, why: `line is not JSON: ${(error as Error).message}` };
  }
}

function readMessageId(message: unknown): string | null {
  const id = (message as { messageId?: unknown } | null)?.messageId;

  return typeof id === 'string' ? id : null;
}

function withoutEmptyWarnings(result: MappingResult): Partial<MappingResult> {
  const { warnings, ...rest } = result;

  return warnings.length > 0 ? result : rest;
}

function count(tally: Tally, outcome: string): void {
  if (outcome === 'imported') {
    tally.imported += 1;

    return;
  }

  tally.skipped.set(outcome, (tally.skipped.get(outcome) ?? 0) + 1);
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

function formatSummary(tally: Tally): string {
  const skippedTotal = [...tally.skipped.values()].reduce((sum, n) => sum + n, 0);
  const rows = [...tally.skipped]
    .sort(([, a], [, b]) => b - a)
    .map(
      ([reason, n]) => `  ${String(n).padStart(7)}  ${reason.padEnd(24)} ${describeReason(reason)}`,
    );

  return [
    `map: ${tally.lines} messages: ${tally.imported} imported, ${skippedTotal} skipped, ` +
      `${tally.warned} with warnings`,
    ...rows,
    '',
  ].join('\n');
}

function describeReason(reason: string): string {
  return Object.hasOwn(SKIP_REASON_DESCRIPTIONS, reason)
    ? SKIP_REASON_DESCRIPTIONS[reason as SkipReason]
    : '';
}
