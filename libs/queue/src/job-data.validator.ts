import { isPlainObject } from '@sbi/segment';

import { ImportMessageJob, RecordRejectionJob } from './queue.contract';

/**
 * The queue is a trust boundary: anything with access to Redis can add jobs. These guards
 * check the shape the worker relies on before it uses job data; they return a reason, or
 * undefined when the data is usable.
 */
export function findImportJobProblem(data: unknown): string | undefined {
  if (!isPlainObject(data)) return 'job data is not an object';
  if (!isNonEmptyString(data.appId)) return 'appId is missing';
  if (!isPlainObject(data.message)) return 'message is not an object';
  if (!isNonEmptyString(data.message.messageId)) return 'message.messageId is missing';
  if (!isNonEmptyString(data.message.type)) return 'message.type is missing';

  return undefined;
}

export function isImportJob(data: unknown): data is ImportMessageJob {
  return findImportJobProblem(data) === undefined;
}

export function isRejectionJob(data: unknown): data is RecordRejectionJob {
  return (
    isPlainObject(data) &&
    isNonEmptyString(data.appId) &&
    isNonEmptyString(data.reason) &&
    typeof data.detail === 'string' &&
    isNonEmptyString(data.receivedAt)
  );
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
