import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  MongooseHealthIndicator,
} from '@nestjs/terminus';

import { MessageQueue } from '../queue/message-queue.service';

/**
 * `/health/live`: the process answers. `/health/ready`: it can accept traffic, meaning Redis
 * (where every accepted message goes) and MongoDB (where apps are looked up) both answer.
 */
@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongooseHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queue: MessageQueue,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.mongo.pingCheck('mongodb', { timeout: 2000 }),
      async () => {
        const indicator = this.indicators.check('redis');

        return (await this.queue.isReachable()) ? indicator.up() : indicator.down();
      },
    ]);
  }
}
