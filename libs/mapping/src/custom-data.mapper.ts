import { toCustomDataString } from './custom-value.converter';
import { MappingWarningCode } from './mapping-warning.constants';
import type { PropertyContext } from './property-context';

/**
 * Builds custom_data: every property not consumed by event_data, content_items or user_data,
 * then the extra entries (products that were not objects), then the message's anonymousId,
 * which the SPEC keeps here. All values are strings (see `toCustomDataString`). When two values
 * claim one key the later wins and the earlier is named in a key_conflict warning.
 */
export function mapCustomData(
  context: PropertyContext,
  anonymousId: unknown,
): Record<string, string> {
  const entries = new Map<string, string>();
  const add = (key: string, value: unknown, field: string): void => {
    if (value === undefined) {
      return;
    }

    const converted = toCustomDataString(value);

    if (!converted.ok) {
      const detail = `${converted.why}; dropped`;

      context.warnings.push({ code: MappingWarningCode.UnserialisableValue, field, detail });

      return;
    }

    warnIfConflicting(context, entries, key, converted.text);
    entries.set(key, converted.text);
  };

  for (const [key, value] of Object.entries(context.properties)) {
    if (!context.consumed.has(key)) {
      add(key, value, `properties.${key}`);
    }
  }
  for (const [key, value] of context.extraCustomData) {
    add(key, value, `properties.${key}`);
  }
  add('anonymousId', anonymousId ?? undefined, 'anonymousId');

  // fromEntries defines own keys, so a "__proto__" property stays a plain key.
  return Object.fromEntries(entries);
}

function warnIfConflicting(
  context: PropertyContext,
  entries: Map<string, string>,
  key: string,
  text: string,
): void {
  const previous = entries.get(key);

  if (previous === undefined || previous === text) {
    return;
  }

  context.warnings.push({
    code: MappingWarningCode.KeyConflict,
    field: `properties.${key}`,
    detail: `custom_data.${key} ${JSON.stringify(previous.slice(0, 60))} replaced by a later value`,
  });
}
