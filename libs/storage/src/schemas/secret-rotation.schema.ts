import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/**
 * One rotation of an app's Branch secret, keyed by the secret it replaced. Inserting it is how
 * a rotation claims that secret: the unique index lets exactly one of two simultaneous
 * rotations through. A conditional update of the app would do the same on MongoDB, but the
 * local FerretDB does not apply findAndModify atomically. The documents double as a history.
 */
@Schema({ collection: 'secret_rotations', versionKey: false })
export class SecretRotation {
  @Prop({ required: true })
  appId: string;

  @Prop({ required: true })
  replacedSecretHash: string;

  @Prop({ required: true })
  rotatedAt: Date;
}

export type SecretRotationDocument = HydratedDocument<SecretRotation>;
export const SecretRotationSchema = SchemaFactory.createForClass(SecretRotation);

SecretRotationSchema.index({ appId: 1, replacedSecretHash: 1 }, { unique: true });
