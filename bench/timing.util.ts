import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Wall time of `run` in milliseconds. */
export function timeMs(run: () => void): number {
  const started = process.hrtime.bigint();

  run();

  return Number(process.hrtime.bigint() - started) / 1e6;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * A garbage-collect function without asking for `node --expose-gc` (the npm script runs plain
 * tsx): the flag is set at run time and `gc` read from a fresh context, where V8 installs it.
 */
export function getGarbageCollector(): () => void {
  setFlagsFromString('--expose-gc');

  return runInNewContext('gc') as () => void;
}

/**
 * Heap kept alive by what `produce` returns, in bytes: collect, measure, produce and keep the
 * result, collect again, measure. Transient garbage made along the way is not counted.
 */
export function measureRetainedHeap<T>(
  produce: () => T,
  gc: () => void,
): { bytes: number; kept: T } {
  gc();

  const before = process.memoryUsage().heapUsed;
  const kept = produce();

  gc();

  return { bytes: process.memoryUsage().heapUsed - before, kept };
}
