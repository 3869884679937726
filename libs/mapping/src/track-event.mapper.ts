import {
  detectPlatform,
  type DetectedPlatform,
  type IdentityResult,
  resolveIdentity,
} from '@sbi/identity';
import type { SegmentMessage } from '@sbi/segment';

import { mapContentItems } from './content-items.mapper';
import { mapCustomData } from './custom-data.mapper';
import { mapEventData } from './event-data.mapper';
import { type EventNameMatch, mapEventName } from './event-name.matcher';
import { resolveEventTime } from './event-time.resolver';
import { MappingWarningCode } from './mapping-warning.constants';
import type {
  BranchEvent,
  MappingResult,
  MappingWarning,
  MapSegmentMessageOptions,
} from './mapping.types';
import { clip, describeType, parseText } from './property-value.parser';
import { isRecord, type PropertyContext, readOwn } from './property-context';
import { SkipReason } from './skip-reason.constants';

type ImportableMatch = Exclude<EventNameMatch, { kind: 'auto_tracked' }>;

/**
 * Maps one Segment message to a Branch event, or says why it is not imported. Decisions in
 * order, first one wins: not an object / no messageId / wrong field types => invalid_message;
 * type other than track => not_a_track_event; no event name => invalid_message; auto-tracked
 * name => auto_tracked_by_branch; no usable time => invalid_message; identity's skip reasons,
 * unchanged; otherwise imported. Questionable values add warnings. Never throws.
 */
export function mapSegmentMessage(
  message: unknown,
  options: MapSegmentMessageOptions = {},
): MappingResult {
  const warnings: MappingWarning[] = [];

  try {
    return decide(message, options, warnings);
  } catch (error) {
    // Only reachable through exotic JS inputs (throwing getters, proxies); JSON never gets here.
    const why = error instanceof Error ? error.message : String(error);

    return skip(SkipReason.InvalidMessage, `the message could not be read: ${why}`, warnings);
  }
}

function decide(
  message: unknown,
  options: MapSegmentMessageOptions,
  warnings: MappingWarning[],
): MappingResult {
  const shapeProblem = findShapeProblem(message);

  if (shapeProblem !== undefined) {
    return skip(SkipReason.InvalidMessage, shapeProblem, warnings);
  }

  const segment = message as SegmentMessage;
  const platform = detectPlatform(segment);
  const preIdentity = decideBeforeIdentity(segment, platform, warnings);

  if ('imported' in preIdentity) {
    return preIdentity;
  }

  const identity: IdentityResult = resolveIdentity(segment, {
    platforms: { ios: true, android: true, web: true, ...options.platforms },
  });

  if (!identity.attributable) {
    return skip(identity.reason, identity.detail, warnings, identity.platform);
  }

  const event = buildEvent(segment, preIdentity.match, preIdentity.timestamp, identity, warnings);

  return { imported: true, event, platform: identity.platform, warnings };
}

function decideBeforeIdentity(
  message: SegmentMessage,
  platform: DetectedPlatform,
  warnings: MappingWarning[],
): MappingResult | { match: ImportableMatch; timestamp: string } {
  const type = message.type.trim().toLowerCase();

  if (type !== 'track') {
    return skip(SkipReason.NotATrackEvent, describeNonTrack(type), warnings, platform);
  }
  if (typeof message.event !== 'string' || message.event.trim() === '') {
    const detail = `track message has no event name (event is ${describeType(message.event)})`;

    return skip(SkipReason.InvalidMessage, detail, warnings, platform);
  }

  const match = mapEventName(message.event);

  if (match.kind === 'auto_tracked') {
    const detail =
      `"${clip(message.event)}" is tracked by Branch's SDKs itself ` +
      `(${match.autoTracked.trackedByBranchAs}); importing it would double-count`;

    return skip(SkipReason.AutoTrackedByBranch, detail, warnings, platform);
  }

  const timestamp = resolveEventTime(message, warnings);

  if (timestamp === undefined) {
    const detail = 'no usable time in timestamp, originalTimestamp, receivedAt or sentAt';

    return skip(SkipReason.InvalidMessage, detail, warnings, platform);
  }

  return { match, timestamp };
}

/** Why a value is not a Segment message at all, or undefined when its shape is usable. */
function findShapeProblem(message: unknown): string | undefined {
  if (!isRecord(message)) {
    return `the message is ${describeType(message)}, not a JSON object`;
  }
  if (typeof message.messageId !== 'string' || message.messageId.trim() === '') {
    return 'messageId is missing or not a non-empty string';
  }
  if (typeof message.type !== 'string') {
    return `type is ${describeType(message.type)}, not a string`;
  }

  const { properties } = message;

  if (properties !== undefined && properties !== null && !isRecord(properties)) {
    return `properties is ${describeType(properties)}, not an object`;
  }

  return undefined;
}

function describeNonTrack(type: string): string {
  const knownTypes = ['identify', 'page', 'screen', 'group', 'alias'];

  return knownTypes.includes(type)
    ? `${type} messages are acknowledged but only track messages are imported`
    : `message type "${clip(type)}" is not imported; only track messages are`;
}

function buildEvent(
  message: SegmentMessage,
  match: ImportableMatch,
  timestamp: string,
  identity: Extract<IdentityResult, { attributable: true }>,
  warnings: MappingWarning[],
): BranchEvent {
  const context: PropertyContext = {
    properties: isRecord(message.properties) ? message.properties : {},
    warnings,
    consumed: new Set(),
    extraCustomData: [],
  };
  const standard = match.kind === 'standard' ? match.standard : undefined;
  const { items, productsTotal } = mapContentItems(context, standard);
  const eventData = mapEventData(
    context,
    standard?.category === 'commerce' ? productsTotal : undefined,
  );
  const alias = chooseAlias(context, match, message.event as string);

  if (identity.userData.browser_fingerprint_id !== undefined) {
    context.consumed.add('browser_fingerprint_id');
  }

  return {
    name: match.name,
    category: match.category,
    ...(alias !== undefined && { customer_event_alias: alias }),
    timestamp,
    user_data: identity.userData,
    event_data: eventData,
    content_items: items,
    custom_data: mapCustomData(context, message.anonymousId),
  };
}

/**
 * customer_event_alias: the sender's `properties.customer_event_alias` when it is text (a
 * Branch user asking for it); else, for a standard event spelt differently from the table
 * ("order completed"), the name as sent, so the spelling is not lost; else none.
 */
function chooseAlias(
  context: PropertyContext,
  match: ImportableMatch,
  name: string,
): string | undefined {
  const explicit = parseText(readOwn(context.properties, 'customer_event_alias'));
  const isVariant = match.kind === 'standard' && !match.isCanonicalSpelling;

  if (explicit.status !== 'ok') {
    return isVariant ? name : undefined;
  }

  context.consumed.add('customer_event_alias');
  if (isVariant) {
    context.warnings.push({
      code: MappingWarningCode.AliasOverridden,
      field: 'event',
      detail: `event name as sent was ${JSON.stringify(clip(name))}`,
    });
  }

  return explicit.value;
}

function skip(
  reason: SkipReason,
  detail: string,
  warnings: MappingWarning[],
  platform?: DetectedPlatform,
): MappingResult {
  return { imported: false, reason, detail, ...(platform && { platform }), warnings };
}
