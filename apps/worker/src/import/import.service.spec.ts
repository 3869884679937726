import { Logger } from '@nestjs/common';

import { Clock } from '@sbi/config';
import { ImportMessageJob, RecordRejectionJob } from '@sbi/queue';

import { EventStore } from './event-store.repository';
import { ImportService } from './import.service';

/**
 * An in-memory EventStore whose app can be "deleted" at a chosen moment, to replay the race
 * between a deletion and a message in flight, which a real database cannot time reliably.
 */
class ScriptedStore {
  readonly stored: string[] = [];
  readonly removed: string[] = [];
  private activeChecks = 0;

  constructor(private readonly activeAnswers: boolean[]) {}

  async findPlatforms() {
    return this.nextActive() ? { ios: true, android: true, web: true } : undefined;
  }

  async isAppActive() {
    return this.nextActive();
  }

  async saveEvent(record: { messageId: string }) {
    this.stored.push(`event:${record.messageId}`);

    return true;
  }

  async saveSkipped(record: { messageId: string }) {
    this.stored.push(`skipped:${record.messageId}`);

    return true;
  }

  async saveRejected(record: { jobId: string }) {
    this.stored.push(`rejected:${record.jobId}`);

    return true;
  }

  async removeMessage(_appId: string, messageId: string) {
    this.removed.push(messageId);
  }

  async removeRejection(jobId: string) {
    this.removed.push(jobId);
  }

  private nextActive(): boolean {
    const answer = this.activeAnswers[Math.min(this.activeChecks, this.activeAnswers.length - 1)];

    this.activeChecks += 1;

    return answer;
  }
}

const job: ImportMessageJob = {
  appId: 'app_1',
  message: {
    type: 'track',
    messageId: 'm-1',
    userId: 'u-1',
    event: 'Order Completed',
    context: { os: { name: 'iOS' } },
    timestamp: '2026-12-01T00:00:00.000Z',
    receivedAt: '2026-12-01T00:00:01.000Z',
  },
};

const rejection: RecordRejectionJob = {
  appId: 'app_1',
  messageId: 'm-2',
  reason: 'invalid_message',
  detail: 'event is required for a track message',
  receivedAt: '2026-12-01T00:00:01.000Z',
};

function serviceWith(store: ScriptedStore): ImportService {
  return new ImportService(store as unknown as EventStore, new Clock());
}

describe('ImportService and app deletion', () => {
  // The service logs each outcome; the assertions below are what matters here.
  beforeAll(() => Logger.overrideLogger(false));

  it('stores the event of an app that stays active', async () => {
    const store = new ScriptedStore([true]);

    expect(await serviceWith(store).importMessage(job)).toMatchObject({ outcome: 'imported' });
    expect(store.stored).toEqual(['event:m-1']);
    expect(store.removed).toEqual([]);
  });

  it('stores nothing for an app already gone', async () => {
    const store = new ScriptedStore([false]);

    expect(await serviceWith(store).importMessage(job)).toEqual({
      outcome: 'discarded',
      reason: 'app_deleted',
    });
    expect(store.stored).toEqual([]);
  });

  it('takes back an event stored just as the deletion began', async () => {
    const store = new ScriptedStore([true, false]);

    expect(await serviceWith(store).importMessage(job)).toMatchObject({ outcome: 'discarded' });
    expect(store.stored).toEqual(['event:m-1']);
    expect(store.removed).toEqual(['m-1']);
  });

  it('records no rejection for a deleted app, and takes back one that raced it', async () => {
    const gone = new ScriptedStore([false]);
    const racing = new ScriptedStore([true, false]);

    await serviceWith(gone).recordRejection('rej-1', rejection);
    await serviceWith(racing).recordRejection('rej-1', rejection);

    expect(gone.stored).toEqual([]);
    expect(racing.removed).toEqual(['rej-1']);
  });
});
