/** How many messages had one reason, as the repository groups them. */
export interface ReasonGroup {
  reason: string;
  count: number;
}

export interface ReasonCount extends ReasonGroup {
  /** The reason in one sentence; null for a reason the table does not know (an older code). */
  description: string | null;
}

export interface ReasonSummary {
  total: number;
  byReason: ReasonCount[];
}

/**
 * Ranks reason groups most frequent first (ties by reason, so the order is stable) and adds
 * each reason's description from `descriptions`.
 */
export function summarizeReasons(
  groups: ReasonGroup[],
  descriptions: Readonly<Partial<Record<string, string>>>,
): ReasonSummary {
  const byReason = [...groups]
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .map((group) => ({ ...group, description: describe(group.reason, descriptions) }));

  return { total: sumCounts(groups), byReason };
}

/** The groups as `{ reason: count }`, for the compact status answer. */
export function countsByReason(groups: ReasonGroup[]): Record<string, number> {
  return Object.fromEntries(groups.map((group) => [group.reason, group.count]));
}

export function sumCounts(groups: ReasonGroup[]): number {
  return groups.reduce((total, group) => total + group.count, 0);
}

// Own keys only: a stored reason such as "constructor" must not find Object's prototype.
function describe(
  reason: string,
  descriptions: Readonly<Partial<Record<string, string>>>,
): string | null {
  return Object.hasOwn(descriptions, reason) ? (descriptions[reason] ?? null) : null;
}
