/** Codes of the warnings a mapping can carry. Stable: stored with events and reported. */
export const MappingWarningCode = {
  TimestampFallback: 'timestamp_fallback',
  TimestampInvalid: 'timestamp_invalid',
  TimestampAssumedUtc: 'timestamp_assumed_utc',
  TimestampEpochNumber: 'timestamp_epoch_number',
  InvalidNumber: 'invalid_number',
  InvalidText: 'invalid_text',
  InvalidCurrency: 'invalid_currency',
  UnknownCurrency: 'unknown_currency',
  RevenueWithoutCurrency: 'revenue_without_currency',
  RevenueSourcesDisagree: 'revenue_sources_disagree',
  InvalidProducts: 'invalid_products',
  InvalidProduct: 'invalid_product',
  KeyConflict: 'key_conflict',
  AliasOverridden: 'alias_overridden',
  UnserialisableValue: 'unserialisable_value',
} as const;

export type MappingWarningCode = (typeof MappingWarningCode)[keyof typeof MappingWarningCode];

/** One sentence per warning code, for the admin API, the CLI and the README. */
export const MAPPING_WARNING_DESCRIPTIONS: Readonly<Record<MappingWarningCode, string>> = {
  timestamp_fallback:
    'The message had no usable `timestamp`; the event time came from the next field in the chain.',
  timestamp_invalid: 'A time field could not be read as ISO-8601 and was skipped.',
  timestamp_assumed_utc:
    'The event time had no UTC offset (or was a bare date) and was read as UTC.',
  timestamp_epoch_number: 'The event time was an epoch number, read as seconds or milliseconds.',
  invalid_number: 'An amount could not be read as a number; it was kept as a string instead.',
  invalid_text: 'A text field held an object or array; it was kept as a JSON string instead.',
  invalid_currency: 'The currency is not a three-letter code; it was kept in custom_data.',
  unknown_currency: 'The currency has three letters but is not an ISO 4217 code; it was kept.',
  revenue_without_currency: 'The event has a revenue but no usable currency.',
  revenue_sources_disagree: 'revenue, total, value and the products disagree; see the precedence.',
  invalid_products: '`products` is not an array; it was kept in custom_data as JSON.',
  invalid_product: 'A `products` entry is not an object; it was kept in custom_data as JSON.',
  key_conflict: 'Two values wanted the same custom_data key; the one named in detail was dropped.',
  alias_overridden:
    'properties.customer_event_alias replaced the variant spelling that would have been the alias.',
  unserialisable_value: 'A value could not be written as JSON (cycle or BigInt) and was dropped.',
};
