import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';

import { MessageQueue } from '../queue/message-queue.service';
import { MetricsRegistry } from './metrics.registry';

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

/**
 * Queue depth by state, read from Redis when Prometheus scrapes. `failed` is the number of dead
 * letters waiting for a replay: the first thing to alert on. A scrape while Redis is down
 * leaves the gauge unset rather than failing the whole scrape.
 */
@Injectable()
export class QueueMetricsCollector {
  constructor(
    metrics: MetricsRegistry,
    private readonly queue: MessageQueue,
  ) {
    const read = () => this.readCounts();

    new Gauge({
      name: 'sbi_queue_jobs',
      help: 'Jobs of the import queue by state (failed = dead letters).',
      labelNames: ['state'] as const,
      registers: [metrics.registry],
      async collect() {
        const counts = await read();

        this.reset();
        for (const state of JOB_STATES) {
          if (counts[state] !== undefined) this.set({ state }, counts[state]);
        }
      },
    });
  }

  private async readCounts(): Promise<Record<string, number | undefined>> {
    try {
      return await this.queue.countJobs(JOB_STATES);
    } catch {
      return {};
    }
  }
}
