import { Injectable } from '@nestjs/common';

import type { BranchUserData } from '@sbi/identity';
import type { BranchContentItem, BranchEventData } from '@sbi/mapping';
import { decodeFieldNames } from '@sbi/storage';

import { EventsQueryDto } from './dto/events-query.dto';
import { InsightsRepository, StoredEvent } from './insights.repository';
import { Page, toPage, toPageRequest } from './page-cursor';
import { toTimeRange } from './time-window';

/** One Liveview row: the stored Branch event and where it came from. */
export interface EventRow {
  id: string;
  messageId: string;
  origin: string;
  platform: string;
  name: string;
  category: string;
  customer_event_alias: string | null;
  user_data: BranchUserData;
  event_data: BranchEventData;
  content_items: BranchContentItem[];
  custom_data: Record<string, string>;
  timestamp: Date;
  receivedAt: Date;
  storedAt: Date;
  warnings: Record<string, unknown>[];
  /** The original Segment message, with `include=segmentMessage` only. */
  segmentMessage?: unknown;
}

/** Liveview: an app's imported events, newest stored first, to check an integration by eye. */
@Injectable()
export class LiveviewService {
  constructor(private readonly repository: InsightsRepository) {}

  async list(appId: string, query: EventsQueryDto): Promise<Page<EventRow>> {
    const page = toPageRequest(query);
    const withMessage = query.include === 'segmentMessage';
    const filter = {
      origin: query.origin,
      name: query.name,
      category: query.category,
      platform: query.platform,
      developerIdentity: query.user,
      timestamp: toTimeRange(query.from, query.to),
    };
    const rows = await this.repository.findEvents(appId, filter, page, withMessage);
    const { rows: shown, nextCursor } = toPage(rows, page.limit, (row) => row.storedAt);

    return { items: shown.map((row) => toEventRow(row, withMessage)), nextCursor };
  }
}

/** Content item and custom data keys are stored percent-encoded; callers get them as sent. */
function toEventRow(row: StoredEvent, withMessage: boolean): EventRow {
  return {
    id: row._id.toHexString(),
    messageId: row.messageId,
    origin: row.origin,
    platform: row.platform,
    name: row.name,
    category: row.category,
    customer_event_alias: row.customer_event_alias ?? null,
    user_data: row.user_data,
    event_data: row.event_data,
    content_items: decodeFieldNames(row.content_items),
    custom_data: decodeFieldNames(row.custom_data),
    timestamp: row.timestamp,
    receivedAt: row.receivedAt,
    storedAt: row.storedAt,
    warnings: row.warnings,
    ...(withMessage ? { segmentMessage: JSON.parse(row.segmentMessage) as unknown } : {}),
  };
}
