import { Module } from '@nestjs/common';

import { Clock } from '@sbi/config';

import { AppsModule } from '../apps/apps.module';
import { QueueModule } from '../queue/queue.module';
import { InsightsController } from './insights.controller';
import { InsightsRepository } from './insights.repository';
import { LiveviewService } from './liveview.service';
import { RejectedService } from './rejected.service';
import { SkippedService } from './skipped.service';
import { StatusService } from './status.service';

/** Read-only admin views of what became of an app's messages (issue #5). */
@Module({
  imports: [AppsModule, QueueModule],
  controllers: [InsightsController],
  providers: [
    InsightsRepository,
    StatusService,
    LiveviewService,
    SkippedService,
    RejectedService,
    Clock,
  ],
})
export class InsightsModule {}
