import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/**
 * A message ingest refused with a 400 (bad shape, too large...). Kept so operators can see
 * what a sender got wrong; the sender was told the same reason in the response.
 */
@Schema({ collection: 'rejected_messages', versionKey: false })
export class RejectedMessage {
  @Prop({ required: true })
  appId: string;

  @Prop()
  messageId?: string;

  @Prop()
  index?: number;

  @Prop({ required: true })
  reason: string;

  @Prop({ required: true })
  detail: string;

  @Prop({ required: true })
  receivedAt: Date;

  @Prop({ required: true })
  recordedAt: Date;

  /** Job id it was recorded from, so a retried job does not record it twice. */
  @Prop({ required: true, unique: true })
  jobId: string;
}

export type RejectedMessageDocument = HydratedDocument<RejectedMessage>;
export const RejectedMessageSchema = SchemaFactory.createForClass(RejectedMessage);

RejectedMessageSchema.index({ appId: 1, reason: 1, recordedAt: -1 });
// The admin list pages newest first with (recordedAt, _id) as a stable cursor.
RejectedMessageSchema.index({ appId: 1, recordedAt: -1, _id: -1 });
