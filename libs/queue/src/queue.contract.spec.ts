import fc from 'fast-check';

import { findImportJobProblem, isRejectionJob } from './job-data.validator';
import { importJobId, rejectionJobId } from './queue.contract';

describe('importJobId', () => {
  it('is stable for the same app and message and differs across apps', () => {
    expect(importJobId('app-1', 'm-1')).toBe(importJobId('app-1', 'm-1'));
    expect(importJobId('app-1', 'm-1')).not.toBe(importJobId('app-2', 'm-1'));
  });

  it('never gives an id BullMQ refuses, whatever the messageId', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (appId, messageId) => {
        const id = importJobId(appId, messageId);

        return !id.includes(':') && !/^\d+$/.test(id);
      }),
    );
  });

  it('does not collide when app and messageId boundaries shift', () => {
    expect(importJobId('ab', 'c')).not.toBe(importJobId('a', 'bc'));
  });
});

describe('findImportJobProblem', () => {
  it.each([
    [null, 'job data is not an object'],
    [{ message: { type: 'track', messageId: 'm' } }, 'appId is missing'],
    [{ appId: 'a', message: 'x' }, 'message is not an object'],
    [{ appId: 'a', message: { type: 'track' } }, 'message.messageId is missing'],
    [{ appId: 'a', message: { messageId: 'm' } }, 'message.type is missing'],
    [{ appId: 'a', message: { type: 'track', messageId: 'm' } }, undefined],
  ])('checks %j', (data, problem) => {
    expect(findImportJobProblem(data)).toBe(problem);
  });
});

describe('isRejectionJob', () => {
  it('accepts a complete rejection and refuses one without a reason', () => {
    const job = { appId: 'a', reason: 'invalid_message', detail: 'd', receivedAt: 'now' };

    expect(isRejectionJob(job)).toBe(true);
    expect(isRejectionJob({ ...job, reason: '' })).toBe(false);
  });
});

describe('rejectionJobId', () => {
  it('is stable for a resent refusal and absent without a messageId', () => {
    expect(rejectionJobId('a', 'm', 'invalid_message')).toBe(
      rejectionJobId('a', 'm', 'invalid_message'),
    );
    expect(rejectionJobId('a', 'm', 'invalid_message')).not.toBe(
      rejectionJobId('a', 'm', 'message_too_large'),
    );
    expect(rejectionJobId('a', 'm', 'x')).not.toBe(importJobId('a', 'm'));
    expect(rejectionJobId('a', undefined, 'invalid_message')).toBeUndefined();
  });
});
