import { Clock } from '@sbi/config';

import { FailedJobs } from '../queue/failed-jobs.service';
import { InsightsRepository } from './insights.repository';
import { ReasonGroup } from './reason-counts';
import { StatusService } from './status.service';
import { TimeRange } from './time-window';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const HOUR_AGO = new Date('2026-11-30T11:00:00.000Z');
const DAY_AGO = new Date('2026-11-29T12:00:00.000Z');

/** Answers as if the app had these rows; counts depend on the window asked for. */
function fakeRepository(data: {
  stored: Record<string, Date>;
  skipped: Record<string, Date>;
  countsFor: (range: TimeRange) => { imported: number; skipped: ReasonGroup[]; rejected: number };
}) {
  return {
    lastStoredAt: async (_appId: string, platform: string) => data.stored[platform] ?? null,
    lastSkippedAt: async (_appId: string, platform: string) => data.skipped[platform] ?? null,
    countEvents: async (_appId: string, range: TimeRange) => data.countsFor(range).imported,
    countSkippedByReason: async (_appId: string, range: TimeRange) => data.countsFor(range).skipped,
    countRejected: async (_appId: string, range: TimeRange) => data.countsFor(range).rejected,
  } as unknown as InsightsRepository;
}

function serviceWith(repository: InsightsRepository, failedAt: Date[]) {
  const failedJobs = { failedAtTimes: async () => failedAt.map((at) => at.getTime()) };
  const clock = { now: () => NOW };

  return new StatusService(repository, failedJobs as unknown as FailedJobs, clock as Clock);
}

describe('StatusService', () => {
  const iosImported = new Date('2026-11-30T11:30:00.000Z');
  const iosSkipped = new Date('2026-11-30T11:45:00.000Z');
  const webSkipped = new Date('2026-11-30T08:00:00.000Z');
  const repository = fakeRepository({
    stored: { ios: iosImported },
    skipped: { ios: iosSkipped, web: webSkipped },
    countsFor: (range) =>
      range.from?.getTime() === HOUR_AGO.getTime()
        ? { imported: 2, skipped: [{ reason: 'not_a_track_event', count: 1 }], rejected: 0 }
        : {
            imported: 9,
            skipped: [
              { reason: 'not_a_track_event', count: 3 },
              { reason: 'web_logged_out', count: 2 },
            ],
            rejected: 4,
          },
  });
  // One dead letter, within the last day but not the last hour.
  const service = serviceWith(repository, [new Date('2026-11-30T05:00:00.000Z')]);

  it('sees a platform by its newest imported or skipped message', async () => {
    const { platforms } = await service.status('app_1');

    expect(platforms).toEqual({
      ios: { seen: true, lastSeenAt: iosSkipped, lastImportedAt: iosImported },
      android: { seen: false, lastSeenAt: null, lastImportedAt: null },
      web: { seen: true, lastSeenAt: webSkipped, lastImportedAt: null },
    });
  });

  it('counts each window from its start up to now, failed jobs included', async () => {
    const status = await service.status('app_1');

    expect(status).toMatchObject({ appId: 'app_1', generatedAt: NOW, lastEventAt: iosImported });
    expect(status.counts).toEqual({
      lastHour: {
        from: HOUR_AGO,
        imported: 2,
        skipped: { total: 1, byReason: { not_a_track_event: 1 } },
        rejected: 0,
        failed: 0,
      },
      lastDay: {
        from: DAY_AGO,
        imported: 9,
        skipped: { total: 5, byReason: { not_a_track_event: 3, web_logged_out: 2 } },
        rejected: 4,
        failed: 1,
      },
    });
  });
});
