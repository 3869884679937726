import {
  AUTO_TRACKED_BRANCH_CONSTANTS,
  AUTO_TRACKED_EVENTS,
  type AutoTrackedEvent,
  STANDARD_EVENTS,
  type StandardEvent,
} from './event-name.table';

export type EventNameMatch =
  | {
      kind: 'standard';
      name: string;
      category: StandardEvent['category'];
      standard: StandardEvent;
      /** False when the sender's spelling differs from both the Segment and the Branch name. */
      isCanonicalSpelling: boolean;
    }
  | {
      kind: 'auto_tracked';
      autoTracked: AutoTrackedEvent | { segmentName: string; trackedByBranchAs: string };
    }
  | { kind: 'custom'; name: string; category: 'custom' };

/**
 * Trims, collapses every run of inner whitespace to one space and lower-cases, so that
 * "order completed" and " Order  Completed " both match "Order Completed".
 */
export function normalizeEventName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const STANDARD_BY_NAME = new Map(
  STANDARD_EVENTS.map((e) => [normalizeEventName(e.segmentName), e]),
);
const STANDARD_BY_CONSTANT = new Map(STANDARD_EVENTS.map((e) => [e.branchName, e]));
const AUTO_TRACKED_BY_NAME = new Map(
  AUTO_TRACKED_EVENTS.map((e) => [normalizeEventName(e.segmentName), e]),
);
const AUTO_TRACKED_CONSTANTS = new Set(AUTO_TRACKED_BRANCH_CONSTANTS);

/**
 * Maps a Segment event name to its Branch event. Matching: Segment names (and Branch names
 * written as words) after `normalizeEventName`; Branch constants (`PURCHASE`, `ADD_TO_CART`)
 * only in that exact upper-case spelling, after trimming. Any other name is a custom event
 * keeping the name exactly as sent. Never throws.
 */
export function mapEventName(name: string): EventNameMatch {
  const normalized = normalizeEventName(name);
  const trimmed = name.trim();
  const autoTracked = AUTO_TRACKED_BY_NAME.get(normalized);

  if (autoTracked) {
    return { kind: 'auto_tracked', autoTracked };
  }
  if (AUTO_TRACKED_CONSTANTS.has(trimmed)) {
    return {
      kind: 'auto_tracked',
      autoTracked: { segmentName: trimmed, trackedByBranchAs: trimmed },
    };
  }

  const standard = STANDARD_BY_NAME.get(normalized) ?? STANDARD_BY_CONSTANT.get(trimmed);

  if (!standard) {
    return { kind: 'custom', name, category: 'custom' };
  }

  const isCanonicalSpelling = name === standard.segmentName || name === standard.branchName;

  return {
    kind: 'standard',
    name: standard.branchName,
    category: standard.category,
    standard,
    isCanonicalSpelling,
  };
}

/** True when Branch tracks this event itself, so it is never imported (same matching rule). */
export function isAutoTracked(name: string): boolean {
  return mapEventName(name).kind === 'auto_tracked';
}
