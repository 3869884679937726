import { Global, Module } from '@nestjs/common';

import { AppsModule } from '../apps/apps.module';
import { QueueModule } from '../queue/queue.module';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';
import { QueueMetricsCollector } from './queue-metrics.collector';

/** Global so intake code can count without importing this module everywhere. */
@Global()
@Module({
  imports: [AppsModule, QueueModule],
  controllers: [MetricsController],
  providers: [MetricsRegistry, QueueMetricsCollector],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
