import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { ImportMessageJob, RecordRejectionJob } from '@sbi/queue';
import {
  checkSegmentMessage,
  isPlainObject,
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

export const MAX_RECORDED_REJECTIONS = 100;

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
      const outcome = this.decide(input, index, request);

      if ('reason' in outcome) rejected.push(outcome);
      else imports.push(outcome);
    });

    await this.enqueue(request, imports, rejected);
    this.logger.log(
      { appId: request.appId, accepted: imports.length, rejected: rejected.length },
      'received',
    );

    return { accepted: imports.length, rejected };
  }

  /**
   * One message's fate. The batch envelope is merged first, so the 32 KB and depth limits
   * hold for the message as it will be queued. Whatever goes wrong with one message stays
   * with it: a batch is never refused whole (Segment would retry it, and its good messages,
   * forever) because of one message.
   */
  private decide(
    input: unknown,
    index: number,
    request: IntakeRequest,
  ): ImportMessageJob | Rejection {
    try {
      const merged =
        request.envelope && isPlainObject(input)
          ? mergeBatchEnvelope(input as SegmentMessage, request.envelope)
          : input;
      const check = checkSegmentMessage(merged, request.typeFromPath);

      if (!check.ok) {
        return { index, messageId: check.messageId, reason: check.reason, detail: check.detail };
      }

      const message = normalizeTimestamps(
        check.message,
        request.arrivedAt,
        request.envelope?.sentAt,
      );

      return { appId: request.appId, message };
    } catch (error) {
      const errorId = randomUUID();

      this.logger.error({ err: error, errorId, appId: request.appId, index }, 'message failed');

      return {
        index,
        reason: ErrorCode.InvalidMessage,
        detail: `the message could not be processed (errorId ${errorId})`,
      };
    }
  }

  private async enqueue(
    request: IntakeRequest,
    imports: ImportMessageJob[],
    rejected: Rejection[],
  ): Promise<void> {
    try {
      await this.queue.enqueue(imports, this.rejectionsToRecord(request, rejected));
    } catch (error) {
      this.metrics.enqueueFailures.inc();
      throw error;
    }

    this.metrics.intakeMessages.inc({ outcome: 'accepted', reason: '' }, imports.length);
    for (const rejection of rejected) {
      this.metrics.intakeMessages.inc({ outcome: 'rejected', reason: rejection.reason });
    }
  }

  /**
   * The sender is told about every rejected message, but at most MAX_RECORDED_REJECTIONS of
   * one request are stored: a request of thousands of broken messages must not turn into
   * thousands of documents. The rest are counted in the log.
   */
  private rejectionsToRecord(request: IntakeRequest, rejected: Rejection[]): RecordRejectionJob[] {
    const recorded = rejected.slice(0, MAX_RECORDED_REJECTIONS);

    if (rejected.length > recorded.length) {
      this.logger.warn(
        { appId: request.appId, rejected: rejected.length, recorded: recorded.length },
        'rejections beyond the per-request limit were not stored',
      );
    }

    return recorded.map((rejection) => toRejectionJob(request, rejection));
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
