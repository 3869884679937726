import { Injectable, Logger } from '@nestjs/common';

import { ImportMessageJob, RecordRejectionJob } from '@sbi/queue';
import {
  checkSegmentMessage,
  mergeBatchEnvelope,
  normalizeTimestamps,
  SegmentMessage,
} from '@sbi/segment';

import { ApiError, ErrorCode } from '../common/api-error';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { MessageQueue } from '../queue/message-queue.service';

/** A message of the request that was refused, as told to the sender and stored. */
export interface Rejection {
  index: number;
  messageId?: string;
  reason: string;
  detail: string;
}

export interface IntakeRequest {
  appId: string;
  messages: unknown[];
  arrivedAt: Date;
  /** `/v1/track`-style routes fix the type; batches and webhooks carry it per message. */
  typeFromPath?: string;
  envelope?: { context?: unknown; integrations?: unknown; sentAt?: unknown };
}

export interface IntakeResult {
  accepted: number;
  rejected: Rejection[];
}

/**
 * Decides what each message of a request becomes: a queued import or a recorded rejection.
 * Both are written to the queue in one step before anything is answered, so a 2xx always
 * means "durably queued".
 */
@Injectable()
export class TrackingService {
  private readonly logger = new Logger(TrackingService.name);

  constructor(
    private readonly queue: MessageQueue,
    private readonly metrics: MetricsRegistry,
  ) {}

  async intake(request: IntakeRequest): Promise<IntakeResult> {
    const imports: ImportMessageJob[] = [];
    const rejected: Rejection[] = [];

    request.messages.forEach((input, index) => {
      const check = checkSegmentMessage(input, request.typeFromPath);

      if (!check.ok) {
        rejected.push({
          index,
          messageId: check.messageId,
          reason: check.reason,
          detail: check.detail,
        });

        return;
      }

      imports.push({ appId: request.appId, message: this.prepare(check.message, request) });
    });

    await this.enqueue(request, imports, rejected);
    this.logger.log(
      { appId: request.appId, accepted: imports.length, rejected: rejected.length },
      'received',
    );

    return { accepted: imports.length, rejected };
  }

  private async enqueue(
    request: IntakeRequest,
    imports: ImportMessageJob[],
    rejected: Rejection[],
  ): Promise<void> {
    try {
      await this.queue.enqueue(
        imports,
        rejected.map((r) => toRejectionJob(request, r)),
      );
    } catch (error) {
      this.metrics.enqueueFailures.inc();
      throw error;
    }

    this.metrics.intakeMessages.inc({ outcome: 'accepted', reason: '' }, imports.length);
    for (const rejection of rejected) {
      this.metrics.intakeMessages.inc({ outcome: 'rejected', reason: rejection.reason });
    }
  }

  /** Like `intake`, for routes that carry one message: a refusal is the request's 400. */
  async intakeOne(request: IntakeRequest): Promise<void> {
    const result = await this.intake(request);
    const [rejection] = result.rejected;

    if (rejection) {
      throw ApiError.badRequest(rejection.reason as ErrorCode, rejection.detail, {
        messageId: rejection.messageId,
      });
    }
  }

  private prepare(message: SegmentMessage, request: IntakeRequest): SegmentMessage {
    const merged = request.envelope ? mergeBatchEnvelope(message, request.envelope) : message;

    return normalizeTimestamps(merged, request.arrivedAt, request.envelope?.sentAt);
  }
}

function toRejectionJob(request: IntakeRequest, rejection: Rejection): RecordRejectionJob {
  return {
    appId: request.appId,
    messageId: rejection.messageId,
    index: request.messages.length > 1 ? rejection.index : undefined,
    reason: rejection.reason,
    detail: rejection.detail,
    receivedAt: request.arrivedAt.toISOString(),
  };
}
