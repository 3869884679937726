import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/**
 * The Prometheus metrics of one ingest instance, in a registry of its own. Nest wrappers such
 * as @willsoto/nestjs-prometheus register into prom-client's process-wide registry, which
 * refuses a second app instance in the same process (the end-to-end suites boot several),
 * so the few metrics here are declared with prom-client directly.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  /** Messages by what ingest did with them; `reason` is the rejection code, or empty. */
  readonly intakeMessages = new Counter({
    name: 'sbi_intake_messages_total',
    help: 'Segment messages received, by outcome (accepted or rejected) and rejection reason.',
    labelNames: ['outcome', 'reason'] as const,
    registers: [this.registry],
  });

  /** Requests answered 503 because Redis did not take the jobs. */
  readonly enqueueFailures = new Counter({
    name: 'sbi_intake_enqueue_failures_total',
    help: 'Requests refused with 503 because the queue was unreachable.',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'sbi_ingest_' });
  }
}
