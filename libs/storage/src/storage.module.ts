import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { AppConfig } from '@sbi/config';

import { App, AppSchema } from './schemas/app.schema';
import { BranchEventRecord, BranchEventSchema } from './schemas/branch-event.schema';
import { RejectedMessage, RejectedMessageSchema } from './schemas/rejected-message.schema';
import { SecretRotation, SecretRotationSchema } from './schemas/secret-rotation.schema';
import { SkippedMessage, SkippedMessageSchema } from './schemas/skipped-message.schema';

const MODELS = MongooseModule.forFeature([
  { name: App.name, schema: AppSchema },
  { name: BranchEventRecord.name, schema: BranchEventSchema },
  { name: SkippedMessage.name, schema: SkippedMessageSchema },
  { name: RejectedMessage.name, schema: RejectedMessageSchema },
  { name: SecretRotation.name, schema: SecretRotationSchema },
]);

/** The MongoDB connection and every model; each app imports it once, at its root. */
@Module({})
export class StorageModule {
  static forRoot(): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      imports: [
        MongooseModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            uri: config.mongo.uri,
            // Fail an operation quickly while MongoDB is down: ingest answers, the worker retries.
            serverSelectionTimeoutMS: config.mongo.serverSelectionTimeoutMs,
            autoIndex: true,
          }),
        }),
        MODELS,
      ],
      exports: [MODELS],
    };
  }
}
