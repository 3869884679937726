import { Injectable } from '@nestjs/common';

import { SKIP_REASON_DESCRIPTIONS } from '@sbi/mapping';

import { TimeRangeQueryDto } from './dto/time-range-query.dto';
import { SkippedQueryDto } from './dto/skipped-query.dto';
import { InsightsRepository, StoredSkipped } from './insights.repository';
import { Page, toPage, toPageRequest } from './page-cursor';
import { ReasonSummary, summarizeReasons } from './reason-counts';
import { toTimeRange } from './time-window';

/** A message that was accepted but not imported, and why. */
export interface SkippedRow {
  id: string;
  messageId: string;
  type: string;
  eventName: string | null;
  platform: string | null;
  reason: string;
  detail: string;
  receivedAt: Date;
  recordedAt: Date;
  /** The original Segment message, with `include=segmentMessage` only. */
  segmentMessage?: unknown;
}

/** An app's skipped messages, newest recorded first, and how many per reason. */
@Injectable()
export class SkippedService {
  constructor(private readonly repository: InsightsRepository) {}

  async list(appId: string, query: SkippedQueryDto): Promise<Page<SkippedRow>> {
    const page = toPageRequest(query);
    const withMessage = query.include === 'segmentMessage';
    const filter = { reason: query.reason, recordedAt: toTimeRange(query.from, query.to) };
    const rows = await this.repository.findSkipped(appId, filter, page, withMessage);
    const { rows: shown, nextCursor } = toPage(rows, page.limit, (row) => row.recordedAt);

    return { items: shown.map((row) => toSkippedRow(row, withMessage)), nextCursor };
  }

  async counts(appId: string, query: TimeRangeQueryDto): Promise<ReasonSummary> {
    const range = toTimeRange(query.from, query.to);
    const groups = await this.repository.countSkippedByReason(appId, range);

    return summarizeReasons(groups, SKIP_REASON_DESCRIPTIONS);
  }
}

function toSkippedRow(row: StoredSkipped, withMessage: boolean): SkippedRow {
  return {
    id: row._id.toHexString(),
    messageId: row.messageId,
    type: row.type,
    eventName: row.eventName ?? null,
    platform: row.platform ?? null,
    reason: row.reason,
    detail: row.detail,
    receivedAt: row.receivedAt,
    recordedAt: row.recordedAt,
    ...(withMessage ? { segmentMessage: JSON.parse(row.segmentMessage) as unknown } : {}),
  };
}
