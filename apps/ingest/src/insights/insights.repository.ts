import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, Types } from 'mongoose';

import { BranchEventRecord, RejectedMessage, SkippedMessage } from '@sbi/storage';

import { PageCursor, PageRequest } from './page-cursor';
import { ReasonGroup } from './reason-counts';
import { TimeRange } from './time-window';

export type StoredEvent = BranchEventRecord & { _id: Types.ObjectId };
export type StoredSkipped = SkippedMessage & { _id: Types.ObjectId };
export type StoredRejected = RejectedMessage & { _id: Types.ObjectId };

export interface EventFilter {
  origin?: string;
  name?: string;
  category?: string;
  platform?: string;
  developerIdentity?: string;
  timestamp: TimeRange;
}

export interface MessageFilter {
  reason?: string;
  recordedAt: TimeRange;
}

/**
 * MongoDB reads of the insights views. The local MongoDB-wire server (FerretDB 1.x) has no
 * $facet, $lookup or date operators, and $group only with $sum, so everything here is a
 * find, a count or a `$match` + `$group` by reason, and the services combine the answers.
 */
@Injectable()
export class InsightsRepository {
  constructor(
    @InjectModel(BranchEventRecord.name) private readonly events: Model<BranchEventRecord>,
    @InjectModel(SkippedMessage.name) private readonly skipped: Model<SkippedMessage>,
    @InjectModel(RejectedMessage.name) private readonly rejected: Model<RejectedMessage>,
  ) {}

  /** When the newest event of the app on this platform was stored. */
  async lastStoredAt(appId: string, platform: string): Promise<Date | null> {
    const newest = await this.events
      .findOne({ appId, platform }, { storedAt: 1 })
      .sort({ storedAt: -1 })
      .lean<Pick<StoredEvent, 'storedAt'>>()
      .exec();

    return newest?.storedAt ?? null;
  }

  /** When the newest skipped message of this platform was recorded. */
  async lastSkippedAt(appId: string, platform: string): Promise<Date | null> {
    const newest = await this.skipped
      .findOne({ appId, platform }, { recordedAt: 1 })
      .sort({ recordedAt: -1 })
      .lean<Pick<StoredSkipped, 'recordedAt'>>()
      .exec();

    return newest?.recordedAt ?? null;
  }

  countEvents(appId: string, storedAt: TimeRange): Promise<number> {
    return this.events.countDocuments({ appId, ...within('storedAt', storedAt) }).exec();
  }

  countRejected(appId: string, recordedAt: TimeRange): Promise<number> {
    return this.rejected.countDocuments({ appId, ...within('recordedAt', recordedAt) }).exec();
  }

  countSkippedByReason(appId: string, recordedAt: TimeRange): Promise<ReasonGroup[]> {
    return groupByReason(this.skipped, appId, recordedAt);
  }

  countRejectedByReason(appId: string, recordedAt: TimeRange): Promise<ReasonGroup[]> {
    return groupByReason(this.rejected, appId, recordedAt);
  }

  findEvents(
    appId: string,
    filter: EventFilter,
    page: PageRequest,
    withMessage: boolean,
  ): Promise<StoredEvent[]> {
    const { timestamp, ...fields } = filter;
    const query = { appId, ...definedOnly(fields), ...within('timestamp', timestamp) };

    return findPage<BranchEventRecord, StoredEvent>(this.events, query, 'storedAt', page, {
      omitMessage: !withMessage,
    });
  }

  findSkipped(
    appId: string,
    filter: MessageFilter,
    page: PageRequest,
    withMessage: boolean,
  ): Promise<StoredSkipped[]> {
    const query = messageQuery(appId, filter);

    return findPage<SkippedMessage, StoredSkipped>(this.skipped, query, 'recordedAt', page, {
      omitMessage: !withMessage,
    });
  }

  findRejected(appId: string, filter: MessageFilter, page: PageRequest): Promise<StoredRejected[]> {
    const query = messageQuery(appId, filter);

    return findPage<RejectedMessage, StoredRejected>(this.rejected, query, 'recordedAt', page, {
      omitMessage: false,
    });
  }
}

/**
 * Newest first by `sortField` then `_id`, one row more than the page so the caller can tell
 * whether a next page exists. Rows after the cursor are those older than it, or as old with a
 * smaller `_id`: a position in a fixed order, so rows stored meanwhile (all newer) never shift
 * a later page.
 */
function findPage<T, R>(
  model: Model<T>,
  query: Record<string, unknown>,
  sortField: string,
  page: PageRequest,
  options: { omitMessage: boolean },
): Promise<R[]> {
  const filter = { ...query, ...(page.after ? after(sortField, page.after) : {}) };

  return model
    .find(filter as FilterQuery<T>, options.omitMessage ? { segmentMessage: 0 } : {})
    .sort({ [sortField]: -1, _id: -1 })
    .limit(page.limit + 1)
    .lean<R[]>()
    .exec();
}

function after(sortField: string, cursor: PageCursor): Record<string, unknown> {
  const id = new Types.ObjectId(cursor.id);

  return {
    $or: [{ [sortField]: { $lt: cursor.at } }, { [sortField]: cursor.at, _id: { $lt: id } }],
  };
}

async function groupByReason<T>(
  model: Model<T>,
  appId: string,
  recordedAt: TimeRange,
): Promise<ReasonGroup[]> {
  const groups = await model
    .aggregate<{ _id: string; count: number }>([
      { $match: { appId, ...within('recordedAt', recordedAt) } },
      { $group: { _id: '$reason', count: { $sum: 1 } } },
    ])
    .exec();

  return groups.map((group) => ({ reason: group._id, count: group.count }));
}

function messageQuery(appId: string, filter: MessageFilter): Record<string, unknown> {
  return {
    appId,
    ...definedOnly({ reason: filter.reason }),
    ...within('recordedAt', filter.recordedAt),
  };
}

/** `{ field: { $gte: from, $lt: to } }` with the open sides left out; {} for no bound. */
function within(field: string, range: TimeRange): Record<string, unknown> {
  const condition = definedOnly({ $gte: range.from, $lt: range.to });

  return Object.keys(condition).length > 0 ? { [field]: condition } : {};
}

/** Leaves out absent filters, which the driver could otherwise send as a match on null. */
function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
