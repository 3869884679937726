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
    expect(run.stderr).toContain('6 messages: 3 imported, 3 skipped, 1 with warnings');
    expect(run.stderr).toMatch(/1 {2}invalid_json/);
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
