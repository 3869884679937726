import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/**
 * A message that was accepted but not imported (other message types, auto-tracked names,
 * no user to attribute to, platform switched off), with the reason code from libs/mapping.
 */
@Schema({ collection: 'skipped_messages', versionKey: false })
export class SkippedMessage {
  @Prop({ required: true })
  appId: string;

  @Prop({ required: true })
  messageId: string;

  @Prop({ required: true })
  type: string;

  @Prop()
  eventName?: string;

  @Prop()
  platform?: string;

  @Prop({ required: true })
  reason: string;

  @Prop({ required: true })
  detail: string;

  @Prop({ required: true })
  receivedAt: Date;

  @Prop({ required: true })
  recordedAt: Date;

  @Prop({ required: true })
  segmentMessage: string;
}

export type SkippedMessageDocument = HydratedDocument<SkippedMessage>;
export const SkippedMessageSchema = SchemaFactory.createForClass(SkippedMessage);

SkippedMessageSchema.index({ appId: 1, messageId: 1 }, { unique: true });
SkippedMessageSchema.index({ appId: 1, reason: 1, recordedAt: -1 });
// The admin list pages newest first with (recordedAt, _id) as a stable cursor; without this the
// sort would read every skipped message of the app, and auto-tracked events make them many.
SkippedMessageSchema.index({ appId: 1, recordedAt: -1, _id: -1 });
// Integration status: the latest skipped message per platform (a platform counts as seen).
SkippedMessageSchema.index({ appId: 1, platform: 1, recordedAt: -1 });
