import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** AES-256-GCM ciphertext; see apps/ingest credentials for why it is not a hash. */
export class EncryptedValue {
  iv: string;
  tag: string;
  data: string;
}

export class PlatformSettings {
  ios: boolean;
  android: boolean;
  web: boolean;
}

/**
 * One team's Segment source connection. The Branch secret is kept only as a SHA-256 hash:
 * secrets are long random tokens, so a fast hash resists guessing and still allows lookup by
 * the hash when a Segment client sends the secret alone as its write key.
 */
@Schema({ collection: 'apps', timestamps: true, versionKey: false })
export class App {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  name: string;

  @Prop({ required: true, unique: true })
  branchKey: string;

  @Prop({ required: true, unique: true })
  secretHash: string;

  /** After a rotation the old secret keeps working until `previousSecretExpiresAt`. */
  @Prop({ index: true, sparse: true })
  previousSecretHash?: string;

  @Prop()
  previousSecretExpiresAt?: Date;

  /** Hash of the app's own admin key, which reaches only this app's admin routes. */
  @Prop({ required: true, unique: true })
  adminKeyHash: string;

  @Prop({ type: Object })
  webhookSigningSecret?: EncryptedValue;

  @Prop({ type: Object, required: true, default: () => ({ ios: true, android: true, web: true }) })
  platforms: PlatformSettings;

  /** Set while the app and its data are being deleted; such an app accepts nothing. */
  @Prop()
  deletingAt?: Date;

  createdAt: Date;
  updatedAt: Date;
}

export type AppDocument = HydratedDocument<App>;
export const AppSchema = SchemaFactory.createForClass(App);
