import { Module } from '@nestjs/common';

import { AppsModule } from '../apps/apps.module';
import { QueueModule } from '../queue/queue.module';
import { DeadLettersController } from './dead-letters.controller';

@Module({
  imports: [AppsModule, QueueModule],
  controllers: [DeadLettersController],
})
export class DeadLettersModule {}
