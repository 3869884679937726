import { Injectable } from '@nestjs/common';

import { REJECTION_REASON_DESCRIPTIONS } from '@sbi/segment';

import { RejectedQueryDto } from './dto/rejected-query.dto';
import { TimeRangeQueryDto } from './dto/time-range-query.dto';
import { InsightsRepository, StoredRejected } from './insights.repository';
import { Page, toPage, toPageRequest } from './page-cursor';
import { ReasonSummary, summarizeReasons } from './reason-counts';
import { toTimeRange } from './time-window';

/** A message ingest refused with a 400 reason, as the sender was told. */
export interface RejectedRow {
  id: string;
  /** Absent when the refused message had no usable messageId. */
  messageId: string | null;
  /** Position in its batch; null for a request that carried one message. */
  index: number | null;
  reason: string;
  detail: string;
  receivedAt: Date;
  recordedAt: Date;
}

/** An app's rejected messages, newest recorded first, and how many per reason. */
@Injectable()
export class RejectedService {
  constructor(private readonly repository: InsightsRepository) {}

  async list(appId: string, query: RejectedQueryDto): Promise<Page<RejectedRow>> {
    const page = toPageRequest(query);
    const filter = { reason: query.reason, recordedAt: toTimeRange(query.from, query.to) };
    const rows = await this.repository.findRejected(appId, filter, page);
    const { rows: shown, nextCursor } = toPage(rows, page.limit, (row) => row.recordedAt);

    return { items: shown.map(toRejectedRow), nextCursor };
  }

  async counts(appId: string, query: TimeRangeQueryDto): Promise<ReasonSummary> {
    const range = toTimeRange(query.from, query.to);
    const groups = await this.repository.countRejectedByReason(appId, range);

    return summarizeReasons(groups, REJECTION_REASON_DESCRIPTIONS);
  }
}

function toRejectedRow(row: StoredRejected): RejectedRow {
  return {
    id: row._id.toHexString(),
    messageId: row.messageId ?? null,
    index: row.index ?? null,
    reason: row.reason,
    detail: row.detail,
    receivedAt: row.receivedAt,
    recordedAt: row.recordedAt,
  };
}
