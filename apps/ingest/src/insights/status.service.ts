import { Injectable } from '@nestjs/common';

import { Platform, PLATFORMS } from '@sbi/identity';

import { Clock } from '@sbi/config';

import { FailedJobs } from '../queue/failed-jobs.service';
import { InsightsRepository } from './insights.repository';
import { countsByReason, sumCounts } from './reason-counts';
import { StatusWindow, statusWindowRanges, TimeRange } from './time-window';

type WindowRange = Required<TimeRange>;

/** The "green dot" of one platform. */
export interface PlatformStatus {
  /** True once any message of the platform was imported or skipped. */
  seen: boolean;
  lastSeenAt: Date | null;
  lastImportedAt: Date | null;
}

export interface WindowCounts {
  from: Date;
  imported: number;
  skipped: { total: number; byReason: Record<string, number> };
  rejected: number;
  /** Jobs that used up their retries (dead letters), by when they failed. */
  failed: number;
}

export interface IntegrationStatus {
  appId: string;
  generatedAt: Date;
  /** When the newest imported event was stored. */
  lastEventAt: Date | null;
  platforms: Record<Platform, PlatformStatus>;
  counts: Record<StatusWindow, WindowCounts>;
}

/**
 * Whether an app's integration works: per platform, whether messages arrive, and what
 * became of the messages of the last hour and day. Times are arrival times (`storedAt`,
 * `recordedAt`), not the senders' event times, since the question is "is data coming in now".
 */
@Injectable()
export class StatusService {
  constructor(
    private readonly repository: InsightsRepository,
    private readonly failedJobs: FailedJobs,
    private readonly clock: Clock,
  ) {}

  async status(appId: string): Promise<IntegrationStatus> {
    const now = this.clock.now();
    const ranges = Object.entries(statusWindowRanges(now)) as [StatusWindow, WindowRange][];
    // The failed set is scanned once and counted per window: each scan reads it from Redis.
    const failedAt = this.failedJobs.failedAtTimes(appId);
    const [platforms, counts] = await Promise.all([
      Promise.all(PLATFORMS.map((platform) => this.platformStatus(appId, platform))),
      Promise.all(ranges.map(([, range]) => this.countWindow(appId, range, failedAt))),
    ]);

    return {
      appId,
      generatedAt: now,
      // Every imported event has one of the platforms, so the newest of them is the newest.
      lastEventAt: platforms.reduce<Date | null>((at, p) => latest(at, p.lastImportedAt), null),
      platforms: zipObject(PLATFORMS, platforms),
      counts: zipObject(
        ranges.map(([name]) => name),
        counts,
      ),
    };
  }

  private async platformStatus(appId: string, platform: Platform): Promise<PlatformStatus> {
    const [lastImportedAt, lastSkippedAt] = await Promise.all([
      this.repository.lastStoredAt(appId, platform),
      this.repository.lastSkippedAt(appId, platform),
    ]);
    const lastSeenAt = latest(lastImportedAt, lastSkippedAt);

    return { seen: lastSeenAt !== null, lastSeenAt, lastImportedAt };
  }

  private async countWindow(
    appId: string,
    range: WindowRange,
    failedAt: Promise<number[]>,
  ): Promise<WindowCounts> {
    const [imported, skippedGroups, rejected, failedTimes] = await Promise.all([
      this.repository.countEvents(appId, range),
      this.repository.countSkippedByReason(appId, range),
      this.repository.countRejected(appId, range),
      failedAt,
    ]);
    const failed = failedTimes.filter((at) => at >= range.from.getTime()).length;

    return {
      from: range.from,
      imported,
      skipped: { total: sumCounts(skippedGroups), byReason: countsByReason(skippedGroups) },
      rejected,
      failed,
    };
  }
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (a === null || b === null) return a ?? b;

  return a > b ? a : b;
}

function zipObject<K extends string, V>(keys: readonly K[], values: V[]): Record<K, V> {
  return Object.fromEntries(keys.map((key, i) => [key, values[i]])) as Record<K, V>;
}
