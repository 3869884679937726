// Mapping throughput on one core, next to a JSON round trip of the same events as the floor.
// Deterministic: fixed event count and rounds, no randomness. See bench/README.md.
import { mapSegmentMessage, type MappingResult } from '@sbi/mapping';

import { loadRepeatedSample } from './sample-stream.loader';
import { getGarbageCollector, measureRetainedHeap, median, timeMs } from './timing.util';

const EVENT_COUNT = Number(process.env.BENCH_EVENTS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_EVENTS = 5_000;

type Messages = Array<Record<string, unknown>>;

function mapAll(messages: Messages): MappingResult[] {
  return messages.map((message) => mapSegmentMessage(message));
}

/** The floor: the least any mapper must do is read every field and build a new object. */
function roundTripAll(messages: Messages): unknown[] {
  return messages.map((message) => JSON.parse(JSON.stringify(message)));
}

function formatRate(events: number, ms: number): string {
  return `${Math.round(events / (ms / 1000)).toLocaleString('en-US')} events/s`;
}

function main(): void {
  const messages = loadRepeatedSample(EVENT_COUNT);
  const gc = getGarbageCollector();

  mapAll(messages.slice(0, WARM_UP_EVENTS));
  roundTripAll(messages.slice(0, WARM_UP_EVENTS));

  const mapTimes: number[] = [];
  const floorTimes: number[] = [];

  // Interleaved, so a slow moment of the machine hits both sides alike.
  for (let round = 0; round < ROUNDS; round += 1) {
    floorTimes.push(timeMs(() => roundTripAll(messages)));
    mapTimes.push(timeMs(() => mapAll(messages)));
  }

  const mapMs = median(mapTimes);
  const floorMs = median(floorTimes);
  const mapHeap = measureRetainedHeap(() => mapAll(messages), gc);
  const floorHeap = measureRetainedHeap(() => roundTripAll(messages), gc);
  const imported = mapHeap.kept.filter((result) => result.imported).length;

  console.log(
    `events: ${EVENT_COUNT} (sample stream repeated; ${imported} imported, ${EVENT_COUNT - imported} skipped)`,
  );
  console.log(`rounds: ${ROUNDS}, median shown; node ${process.version}, one core`);
  console.log(`mapping:            ${mapMs.toFixed(1)} ms  ${formatRate(EVENT_COUNT, mapMs)}`);
  console.log(`floor (JSON copy):  ${floorMs.toFixed(1)} ms  ${formatRate(EVENT_COUNT, floorMs)}`);
  console.log(`ratio mapping/floor: ${(mapMs / floorMs).toFixed(2)}`);
  console.log(
    `heap kept by results: mapping ${(mapHeap.bytes / 2 ** 20).toFixed(1)} MiB (${Math.round(mapHeap.bytes / EVENT_COUNT)} B/event), ` +
      `floor ${(floorHeap.bytes / 2 ** 20).toFixed(1)} MiB (${Math.round(floorHeap.bytes / EVENT_COUNT)} B/event)`,
  );
}

main();
