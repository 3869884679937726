/**
 * The client half of `npm run demo` (scripts/demo.sh starts services, ingest and worker first):
 * creates an app, sends a Segment stream through Segment's own Node client, waits until the
 * worker has stored every outcome, and prints what was imported, skipped and rejected.
 *
 * Usage: npx tsx --tsconfig tsconfig.json scripts/demo.ts [events.jsonl]
 * Env: PORT (ingest, 8080), ADMIN_TOKEN (the development default), MONGODB_URI,
 * DEMO_WAIT_MS (how long to wait for the worker, 60000).
 */
import { Analytics, type PageParams } from '@segment/analytics-node';
import mongoose from 'mongoose';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { DEVELOPMENT_DEFAULTS } from '@sbi/config';

const repoRoot = path.resolve(__dirname, '..');
const ingestUrl = `http://127.0.0.1:${process.env.PORT ?? '8080'}`;
const mongoUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/segment_branch_import';
const adminToken = process.env.ADMIN_TOKEN ?? DEVELOPMENT_DEFAULTS.ADMIN_TOKEN;
const waitMs = Number(process.env.DEMO_WAIT_MS ?? 60_000);
const POLL_MS = 500;
// Counts that hold still this long mean the worker is done, even if a message never lands.
const SETTLED_MS = 5_000;

type Fields = Record<string, unknown>;

interface SampleMessage {
  type: string;
  messageId?: string;
  userId?: string;
  anonymousId?: string;
  event?: string;
  name?: string;
  category?: string;
  groupId?: string;
  previousId?: string;
  properties?: Fields;
  traits?: Fields;
  context?: Fields;
  integrations?: Record<string, boolean>;
  timestamp?: string;
  originalTimestamp?: string;
}

interface CreatedApp {
  id: string;
  name: string;
  branchKey: string;
  branchSecret: string;
  platforms: Record<string, boolean>;
}

interface Delivery {
  sent: SampleMessage[];
  rawSent: SampleMessage[];
  unreadable: string[];
  responses: number[];
  clientErrors: string[];
}

interface Outcome {
  events: Fields[];
  skipped: Fields[];
  rejected: Fields[];
}

/** The parameters every call shares; userId/anonymousId as the client's types demand. */
type BaseParams = PageParams;
type Sender = (analytics: Analytics, message: SampleMessage, base: BaseParams) => void;

// One client call per Segment message type; any other type is posted raw (see sendRaw).
const SENDERS: Readonly<Record<string, Sender>> = {
  track: (a, m, base) => a.track({ ...base, event: m.event ?? '', properties: m.properties }),
  identify: (a, m, base) => a.identify({ ...base, traits: m.traits }),
  page: (a, m, base) =>
    a.page({ ...base, name: m.name, category: m.category, properties: m.properties }),
  screen: (a, m, base) =>
    a.screen({ ...base, name: m.name, category: m.category, properties: m.properties }),
  group: (a, m, base) => a.group({ ...base, groupId: m.groupId ?? '', traits: m.traits }),
  alias: (a, m, base) =>
    a.alias({ ...base, userId: m.userId ?? '', previousId: m.previousId ?? '' }),
};

async function main(): Promise<void> {
  const samplesPath = path.resolve(
    process.argv[2] ?? path.resolve(repoRoot, '../shared/samples/segment-events.jsonl'),
  );
  const app = await createApp();

  printApp(app);
  const delivery = await deliver(readSamples(samplesPath), app);

  printDelivery(samplesPath, delivery);
  const outcome = await waitForOutcome(app.id, delivery);

  printOutcome(outcome, delivery);
}

/** POST /admin/apps; throws with the answer's body unless it is a 201. */
async function createApp(): Promise<CreatedApp> {
  const response = await fetch(`${ingestUrl}/admin/apps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Demo app' }),
  });

  if (response.status !== 201) {
    throw new Error(`POST /admin/apps answered ${response.status}: ${await response.text()}`);
  }

  return (await response.json()) as CreatedApp;
}

/** One message per non-blank line; lines that are not a JSON object are kept as text. */
function readSamples(file: string): { messages: SampleMessage[]; unreadable: string[] } {
  const messages: SampleMessage[] = [];
  const unreadable: string[] = [];

  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const parsed = parseObject(line);

      if (parsed) messages.push(parsed as unknown as SampleMessage);
      else unreadable.push(`line ${index + 1}: ${line.slice(0, 60)}`);
    });

  return { messages, unreadable };
}

function parseObject(line: string): Fields | undefined {
  try {
    const value: unknown = JSON.parse(line);

    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Fields)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends through @segment/analytics-node, as a team's own server would, keeping each message's
 * messageId so a repeated id in the stream is a real duplicate delivery. The client stamps its
 * own context.library, as any relay does; platform still comes from os, device and userAgent.
 */
async function deliver(
  samples: { messages: SampleMessage[]; unreadable: string[] },
  app: CreatedApp,
): Promise<Delivery> {
  const delivery: Delivery = {
    sent: [],
    rawSent: [],
    unreadable: samples.unreadable,
    responses: [],
    clientErrors: [],
  };
  const analytics = new Analytics({
    writeKey: app.branchSecret,
    host: ingestUrl,
    path: '/v1/batch',
    flushAt: 20,
    maxRetries: 3,
  });

  analytics.on('http_response', (response) => delivery.responses.push(response.status));
  analytics.on('error', (error) => delivery.clientErrors.push(describeError(error)));
  for (const message of samples.messages) {
    const sender = SENDERS[message.type];

    if (sender) {
      sender(analytics, message, baseParamsOf(message));
      delivery.sent.push(message);
    } else delivery.rawSent.push(message);
  }
  await analytics.closeAndFlush({ timeout: 30_000 });
  await sendRaw(delivery, app);

  return delivery;
}

function baseParamsOf(message: SampleMessage): BaseParams {
  return {
    userId: message.userId,
    anonymousId: message.anonymousId,
    context: message.context,
    integrations: message.integrations,
    timestamp: message.originalTimestamp ?? message.timestamp,
    messageId: message.messageId,
  } as BaseParams;
}

/**
 * Messages the client has no call for (an unknown type) go as one /v1/batch request with the
 * client's own Basic credentials, so the demo also shows how ingest rejects them.
 */
async function sendRaw(delivery: Delivery, app: CreatedApp): Promise<void> {
  if (delivery.rawSent.length === 0) return;
  const response = await fetch(`${ingestUrl}/v1/batch`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${app.branchSecret}:`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ batch: delivery.rawSent }),
  });

  delivery.responses.push(response.status);
}

function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, reason, message } = error as {
      code?: string;
      reason?: unknown;
      message?: string;
    };

    return [code, message, reason instanceof Error ? reason.message : undefined]
      .filter(Boolean)
      .join(': ');
  }

  return String(error);
}

/**
 * Polls MongoDB until every distinct messageId sent has an outcome (event, skipped or rejected),
 * or the counts have held still for SETTLED_MS, or DEMO_WAIT_MS passes.
 */
async function waitForOutcome(appId: string, delivery: Delivery): Promise<Outcome> {
  const expected = new Set([...delivery.sent, ...delivery.rawSent].map((m) => m.messageId)).size;
  const connection = await mongoose.createConnection(mongoUri).asPromise();
  const started = Date.now();
  let lastTotal = -1;
  let lastChange = started;

  try {
    for (;;) {
      const outcome = await readOutcome(connection, appId);
      const total = outcome.events.length + outcome.skipped.length + outcome.rejected.length;

      if (total !== lastTotal) [lastTotal, lastChange] = [total, Date.now()];
      if (total >= expected || Date.now() - lastChange >= SETTLED_MS) return outcome;
      if (Date.now() - started >= waitMs) return outcome;
      await sleep(POLL_MS);
    }
  } finally {
    await connection.close();
  }
}

async function readOutcome(connection: mongoose.Connection, appId: string): Promise<Outcome> {
  const db = connection.db;

  if (!db) throw new Error('MongoDB connection has no database');
  const find = (name: string, sort: Record<string, 1 | -1>) =>
    db.collection(name).find({ appId }).sort(sort).toArray() as Promise<Fields[]>;
  const [events, skipped, rejected] = await Promise.all([
    find('events', { timestamp: 1, messageId: 1 }),
    find('skipped_messages', { reason: 1, messageId: 1 }),
    find('rejected_messages', { reason: 1, index: 1 }),
  ]);

  return { events, skipped, rejected };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// --- output ---------------------------------------------------------------------------------

function printApp(app: CreatedApp): void {
  const platforms = Object.entries(app.platforms)
    .map(([platform, isOn]) => `${platform} ${isOn ? 'on' : 'off'}`)
    .join(', ');

  console.log(`\nApp "${app.name}" created: id ${app.id}, Branch key ${app.branchKey}`);
  console.log(`  platforms: ${platforms}`);
}

function printDelivery(samplesPath: string, delivery: Delivery): void {
  const statuses = countBy(delivery.responses.map(String));

  console.log(`\nSent ${plural(delivery.sent.length, 'message')} from ${displayPath(samplesPath)}`);
  console.log('  through @segment/analytics-node (flushAt 20) to POST /v1/batch');
  if (delivery.rawSent.length > 0) {
    console.log(
      `  plus ${delivery.rawSent.length} of a type the client has no call for, posted raw`,
    );
  }
  console.log(`  HTTP answers: ${formatCounts(statuses) || 'none'}`);
  for (const line of delivery.unreadable) console.log(`  not sent, not a JSON object: ${line}`);
  for (const error of delivery.clientErrors) console.log(`  client error: ${error}`);
}

function printOutcome(outcome: Outcome, delivery: Delivery): void {
  printEvents(outcome.events);
  printGrouped(`Skipped (${outcome.skipped.length})`, outcome.skipped, (doc) =>
    String(doc.eventName ?? doc.type),
  );
  printGrouped(`Rejected (${outcome.rejected.length})`, outcome.rejected, (doc) =>
    String(doc.messageId ?? `batch index ${String(doc.index)}`),
  );
  printDuplicates(outcome, delivery);
  printUnaccounted(outcome, delivery);
}

function printEvents(events: Fields[]): void {
  const rows = events.map((doc) => [
    segmentEventOf(doc),
    String(doc.name),
    String(doc.category),
    String(doc.platform),
    String(
      doc.developerIdentity ?? (doc.user_data as Fields | undefined)?.developer_identity ?? '-',
    ),
  ]);

  console.log(`\nImported events (${events.length})`);
  if (rows.length > 0) {
    printTable(
      ['Segment event', 'Branch name', 'Category', 'Platform', 'developer_identity'],
      rows,
    );
  }
}

function segmentEventOf(doc: Fields): string {
  const original = parseObject(String(doc.segmentMessage ?? ''));

  return typeof original?.event === 'string' ? original.event : '?';
}

/** One line per reason: how many, and which events (or ids) it covered. */
function printGrouped(title: string, docs: Fields[], labelOf: (doc: Fields) => string): void {
  const byReason = new Map<string, string[]>();

  for (const doc of docs) {
    const reason = String(doc.reason);

    byReason.set(reason, [...(byReason.get(reason) ?? []), labelOf(doc)]);
  }
  console.log(`\n${title}`);
  for (const [reason, labels] of byReason) {
    console.log(`  ${reason} (${labels.length}): ${labels.join(', ')}`);
  }
}

/** A messageId sent twice must be stored once: the (appId, messageId) upsert dedupes it. */
function printDuplicates(outcome: Outcome, delivery: Delivery): void {
  const stored = [...outcome.events, ...outcome.skipped].map((doc) => String(doc.messageId));
  const repeated = Object.entries(countBy(delivery.sent.map((m) => String(m.messageId)))).filter(
    ([, count]) => count > 1,
  );

  for (const [messageId, count] of repeated) {
    const times = stored.filter((id) => id === messageId).length;

    console.log(
      `\nDuplicate delivery: messageId ${messageId} sent ${count} times, stored ${times} time(s)`,
    );
  }
}

function printUnaccounted(outcome: Outcome, delivery: Delivery): void {
  const seen = new Set(
    [...outcome.events, ...outcome.skipped, ...outcome.rejected].map((doc) => doc.messageId),
  );
  const missing = [...new Set(delivery.sent.map((m) => m.messageId))].filter((id) => !seen.has(id));

  if (missing.length === 0) {
    console.log('\nEvery message sent has an outcome.');

    return;
  }
  console.log(`\nNo outcome yet for ${missing.length} message(s): ${missing.join(', ')}`);
  console.log('  (the worker may still be retrying; see .local/logs/worker.log)');
}

function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((r) => r[i].length)),
  );
  const format = (cells: string[]) =>
    '  ' +
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();

  console.log(format(headers));
  console.log(format(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(format(row));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Relative when near the working directory (../shared/...), else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);

  return relative.startsWith('../..') ? file : relative;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};

  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;

  return counts;
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([value, count]) => `${value} x${count}`)
    .join(', ');
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
