import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shared samples folder sits beside the repository (../shared). */
export const SAMPLE_PATH = resolve(__dirname, '../../shared/samples/segment-events.jsonl');

/**
 * The shared sample stream repeated up to `count` messages, each a separate object with its own
 * messageId (`<id>-<n>`), so no result can be cached or shared between repeats. Lines that are
 * not JSON objects are left out: the benchmark measures mapping, not parsing errors.
 */
export function loadRepeatedSample(
  count: number,
  path = SAMPLE_PATH,
): Array<Record<string, unknown>> {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const messages: Array<Record<string, unknown>> = [];

  for (let n = 0; messages.length < count; n += 1) {
    const message = JSON.parse(lines[n % lines.length]) as Record<string, unknown>;

    messages.push({ ...message, messageId: `${String(message.messageId)}-${n}` });
  }

  return messages;
}
