import { Module } from '@nestjs/common';

import { AppsModule } from '../apps/apps.module';
import { QueueModule } from '../queue/queue.module';
import { SegmentAuthGuard } from './segment-auth.guard';
import { TrackingController } from './tracking.controller';
import { TrackingService } from './tracking.service';
import { WebhookSignatureGuard } from './webhook-signature.guard';

@Module({
  imports: [AppsModule, QueueModule],
  controllers: [TrackingController],
  providers: [TrackingService, SegmentAuthGuard, WebhookSignatureGuard],
})
export class TrackingModule {}
