export * from './mapping.types';
export { SkipReason, SKIP_REASON_DESCRIPTIONS } from './skip-reason.constants';
export { MappingWarningCode, MAPPING_WARNING_DESCRIPTIONS } from './mapping-warning.constants';
export {
  STANDARD_EVENTS,
  AUTO_TRACKED_EVENTS,
  AUTO_TRACKED_BRANCH_CONSTANTS,
  type StandardEvent,
  type AutoTrackedEvent,
} from './event-name.table';
export {
  mapEventName,
  isAutoTracked,
  normalizeEventName,
  type EventNameMatch,
} from './event-name.matcher';
export { mapSegmentMessage } from './track-event.mapper';
export { toCustomDataString } from './custom-value.converter';
export { parseEventTime } from './event-time.resolver';
