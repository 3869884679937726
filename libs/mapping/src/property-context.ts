import type { MappingWarning } from './mapping.types';

/**
 * What the property mappers share while mapping one message: the properties, the warnings so
 * far, the keys already represented in event_data / content_items / user_data (so custom_data
 * skips them), and extra custom_data entries for values that had no other home.
 */
export interface PropertyContext {
  properties: Readonly<Record<string, unknown>>;
  warnings: MappingWarning[];
  consumed: Set<string>;
  extraCustomData: Array<[string, unknown]>;
}

/** Reads an own property only: a key such as `constructor` must not find Object.prototype's. */
export function readOwn(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** True for a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
