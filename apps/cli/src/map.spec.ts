import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

const IOS_CONTEXT = { os: { name: 'iOS' }, device: { id: 'IDFV-1' } };
const ANDROID_CONTEXT = { os: { name: 'Android' }, device: { id: 'android-1' } };

function track(messageId: string, event: string, context: object, properties = {}): string {
  const message = { type: 'track', messageId, userId: 'u1', event, properties, context };

  return JSON.stringify({ ...message, timestamp: '2026-11-30T09:00:00Z' });
}

const INPUT_LINES = [
  track('m1', 'Order Completed', IOS_CONTEXT, {
    order_id: 'o1',
    revenue: '10.50',
    currency: 'eur',
  }),
  '',
  '{"type": "track", "messageId": ',
  track('m2', 'Deep Link Opened', IOS_CONTEXT),
  '   ',
  JSON.stringify({ type: 'identify', messageId: 'm3', userId: 'u1', context: IOS_CONTEXT }),
  track('m4', 'Referral Sent', ANDROID_CONTEXT, { invitees: 3 }),
  track('m5', 'Product Added', IOS_CONTEXT, { sku: 'a', price: 2 }),
];

interface Run {
  status: number | null;
  lines: Array<Record<string, unknown>>;
  stderr: string;
}

function runMap(args: string[], stdin?: Buffer): Run {
  const result = spawnSync(TSX, ['--tsconfig', 'tsconfig.json', 'apps/cli/src/map.ts', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    timeout: 30_000,
  });
  const lines = result.stdout.split('\n').filter(Boolean);

  return {
    status: result.status,
    lines: lines.map((line) => JSON.parse(line)),
    stderr: result.stderr,
  };
}

describe('map command (dry run)', () => {
  let dir: string;
  let plainFile: string;
  let gzipFile: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sbi-map-'));
    plainFile = join(dir, 'events.jsonl');
    // A misleading name: gzip must be detected by its magic bytes, not by the extension.
    gzipFile = join(dir, 'events.txt');
    writeFileSync(plainFile, `${INPUT_LINES.join('\n')}\n`);
    writeFileSync(gzipFile, gzipSync(INPUT_LINES.join('\r\n')));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function expectMappedOutput(run: Run): void {
    expect(run.status).toBe(0);
    expect(run.lines).toEqual([
      expect.objectContaining({
        line: 1,
        messageId: 'm1',
        imported: true,
        event: expect.objectContaining({
          name: 'PURCHASE',
          event_data: { transaction_id: 'o1', revenue: 10.5, currency: 'EUR' },
        }),
      }),
      expect.objectContaining({
        line: 3,
        messageId: null,
        imported: false,
        rejected: true,
        reason: 'invalid_json',
      }),
      expect.objectContaining({ line: 4, messageId: 'm2', reason: 'auto_tracked_by_branch' }),
      expect.objectContaining({ line: 6, messageId: 'm3', reason: 'not_a_track_event' }),
      expect.objectContaining({ line: 7, messageId: 'm4', imported: true, platform: 'android' }),
      expect.objectContaining({
        line: 8,
        messageId: 'm5',
        imported: true,
        warnings: [expect.objectContaining({ code: 'revenue_without_currency' })],
      }),
    ]);
    expect(run.lines[0]).not.toHaveProperty('warnings');
    expect(run.stderr).toContain(
      '6 messages: 3 imported, 2 skipped, 1 rejected, 0 duplicates, 1 with warnings',
    );
    expect(run.stderr).toMatch(/rejected:\n {8}1 {2}invalid_json/);
    // Every message has a timestamp and no receivedAt: each is stamped, none takes its time.
    expect(run.stderr).toContain('5 messages without receivedAt got the run start');
    // stderr is a pipe here, not a TTY: no progress bar escape codes.
    expect(run.stderr).not.toContain('\u001b[');
  }

  it('maps a JSON Lines file, one result per non-blank line, and goes on after a bad line', () => {
    expectMappedOutput(runMap([plainFile]));
  });

  it('reads gzip input, detected by its magic bytes', () => {
    expectMappedOutput(runMap([gzipFile]));
  });

  it('reads stdin when FILE is -', () => {
    expectMappedOutput(runMap(['-'], gzipSync(INPUT_LINES.join('\n'))));
  });

  it('skips the platforms left out of --platforms', () => {
    const run = runMap(['--platforms', 'ios,web', plainFile]);

    expect(run.status).toBe(0);
    expect(run.lines.find((line) => line.messageId === 'm4')).toMatchObject({
      imported: false,
      reason: 'platform_disabled',
    });
  });

  it('exits 2 with a message when the file cannot be read', () => {
    const run = runMap([join(dir, 'missing.jsonl')]);

    expect(run.status).toBe(2);
    expect(run.lines).toEqual([]);
    expect(run.stderr).toContain('cannot read');
  });

  it('exits 2 with a message when a gzip file is truncated', () => {
    const broken = join(dir, 'broken.gz');

    writeFileSync(broken, gzipSync(INPUT_LINES.join('\n')).subarray(0, 30));

    const run = runMap([broken]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unexpected end of file');
  });

  it('exits 2 on an unknown platform name', () => {
    const run = runMap(['--platforms', 'ios,windows', plainFile]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--platforms');
  });
});

describe('map command previews what the service would do', () => {
  function runLines(lines: object[]): Run {
    return runMap(['-'], Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n')));
  }

  /** The arrival time the summary says the run stamped on messages without receivedAt. */
  function runStart(run: Run): string | undefined {
    return /got the run start (\S+) as arrival time/.exec(run.stderr)?.[1];
  }

  const libraryMessage = {
    type: 'track',
    event: 'Level Up',
    userId: 'u1',
    context: IOS_CONTEXT,
  };

  it('imports a library message without messageId or time, as ingest does', () => {
    const before = Date.now();
    const run = runLines([libraryMessage, { ...libraryMessage, event: 'Level Down' }]);
    const after = Date.now();
    const start = runStart(run) ?? '';

    expect(run.status).toBe(0);
    expect(run.lines).toEqual([
      expect.objectContaining({
        line: 1,
        imported: true,
        messageId: expect.stringMatching(/^sbi-/),
      }),
      expect.objectContaining({
        line: 2,
        imported: true,
        messageId: expect.stringMatching(/^sbi-/),
      }),
    ]);
    expect(run.lines[0].messageId).not.toBe(run.lines[1].messageId);
    // One arrival time for the whole run: both take it as their event time.
    expect(Date.parse(start)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(start)).toBeLessThanOrEqual(after);
    expect(run.lines.map((line) => (line.event as { timestamp: string }).timestamp)).toEqual([
      start,
      start,
    ]);
    expect(run.stderr).toContain('2 messages: 2 imported, 0 skipped, 0 rejected, 0 duplicates');
  });

  it('keeps a receivedAt the message already has, as Segment set it', () => {
    const run = runLines([
      { ...libraryMessage, messageId: 'w1', receivedAt: '2026-11-30T09:00:00.000Z' },
    ]);

    expect(run.lines[0]).toMatchObject({
      imported: true,
      event: { timestamp: '2026-11-30T09:00:00.000Z' },
    });
    expect(runStart(run)).toBeUndefined();
    expect(run.stderr).toContain('map: 1 message: 1 imported');
  });

  it('rejects a message with neither userId nor anonymousId as invalid_message', () => {
    const run = runLines([{ ...libraryMessage, messageId: 'r1', userId: undefined }]);

    expect(run.lines).toEqual([
      {
        line: 1,
        messageId: 'r1',
        imported: false,
        rejected: true,
        reason: 'invalid_message',
        detail: 'userId or anonymousId is required',
      },
    ]);
    expect(run.stderr).toContain('1 message: 0 imported, 0 skipped, 1 rejected');
    expect(run.stderr).toMatch(/rejected:\n {8}1 {2}invalid_message/);
  });

  it('rejects a message over 32 KB as message_too_large', () => {
    const blob = 'x'.repeat(33 * 1024);
    const run = runLines([{ ...libraryMessage, messageId: 'big', properties: { blob } }]);

    expect(run.lines).toEqual([
      expect.objectContaining({
        messageId: 'big',
        imported: false,
        rejected: true,
        reason: 'message_too_large',
      }),
    ]);
  });

  it('reports a messageId met again as a duplicate, counted once', () => {
    const run = runLines([
      { ...libraryMessage, messageId: 'd1' },
      { ...libraryMessage, messageId: 'd2', type: 'identify' },
      { ...libraryMessage, messageId: 'd1', event: 'Other' },
      { ...libraryMessage, messageId: 'd2' },
    ]);

    expect(run.lines.slice(2)).toEqual([
      {
        line: 3,
        messageId: 'd1',
        imported: false,
        duplicate: true,
        reason: 'duplicate_message',
        detail: 'messageId already seen on line 1; the service stores it once',
      },
      expect.objectContaining({
        line: 4,
        duplicate: true,
        detail: expect.stringContaining('line 2'),
      }),
    ]);
    expect(run.stderr).toContain('4 messages: 1 imported, 1 skipped, 0 rejected, 2 duplicates');
  });

  it('does not count a rejected message as seen: a valid resend is imported', () => {
    const run = runLines([
      { ...libraryMessage, messageId: 'x1', userId: undefined },
      { ...libraryMessage, messageId: 'x1' },
    ]);

    expect(run.lines.map((line) => [line.rejected ?? false, line.imported])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(run.stderr).toContain('1 imported, 0 skipped, 1 rejected, 0 duplicates');
  });

  it.each([['--help'], ['-h']])('prints the usage to stdout and exits 0 for %s', (flag) => {
    const result = spawnSync(TSX, ['--tsconfig', 'tsconfig.json', 'apps/cli/src/map.ts', flag], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run --silent map -- /);
    expect(result.stdout).toContain('--platforms');
    expect(result.stderr).toBe('');
  });

  it('still refuses an unknown option with exit 2', () => {
    const run = runMap(['--verbose', '-']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option --verbose');
  });
});
