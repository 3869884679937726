import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

import type { BranchUserData } from '@sbi/identity';
import type { BranchContentItem, BranchEventData } from '@sbi/mapping';

export const EVENT_ORIGIN_SEGMENT = 'SEGMENT';

/**
 * An imported event: the Branch v2 event plus where it came from. `content_items` and
 * `custom_data` keys are stored encoded (see field-names.ts). `developerIdentity` and
 * `anonymousId` are copies kept at the top level because the local MongoDB-wire server cannot
 * index or group inside those maps efficiently; queries filter on them directly.
 * `segmentMessage` is the message exactly as ingest queued it, as JSON text, so a sender's
 * arbitrary key names and nesting never make the document unstorable.
 */
// minimize: false keeps an empty event_data as {}, so every stored event has the full Branch shape.
@Schema({ collection: 'events', versionKey: false, minimize: false })
export class BranchEventRecord {
  @Prop({ required: true })
  appId: string;

  @Prop({ required: true })
  messageId: string;

  @Prop({ required: true, default: EVENT_ORIGIN_SEGMENT })
  origin: string;

  @Prop({ required: true })
  platform: string;

  @Prop({ required: true })
  name: string;

  @Prop({ required: true })
  category: string;

  @Prop()
  customer_event_alias?: string;

  @Prop({ type: Object, default: {} })
  user_data: BranchUserData;

  @Prop({ type: Object, default: {} })
  event_data: BranchEventData;

  @Prop({ type: [Object], default: [] })
  content_items: BranchContentItem[];

  @Prop({ type: Object, default: {} })
  custom_data: Record<string, string>;

  @Prop()
  developerIdentity?: string;

  @Prop()
  anonymousId?: string;

  @Prop({ type: [Object], default: [] })
  warnings: Record<string, unknown>[];

  @Prop({ required: true })
  timestamp: Date;

  @Prop({ required: true })
  receivedAt: Date;

  @Prop({ required: true })
  storedAt: Date;

  @Prop({ required: true })
  segmentMessage: string;
}

export type BranchEventDocument = HydratedDocument<BranchEventRecord>;
export const BranchEventSchema = SchemaFactory.createForClass(BranchEventRecord);

// One document per (app, messageId): redelivery upserts into the same document.
BranchEventSchema.index({ appId: 1, messageId: 1 }, { unique: true });
// Liveview pages newest first with (storedAt, _id) as a stable cursor.
BranchEventSchema.index({ appId: 1, storedAt: -1, _id: -1 });
// Integration status: the latest event per platform.
BranchEventSchema.index({ appId: 1, platform: 1, storedAt: -1 });
