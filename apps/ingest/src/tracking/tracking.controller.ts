import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBasicAuth, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';

import { isPlainObject, SegmentMessageType } from '@sbi/segment';

import { ApiError, ErrorCode } from '../common/api-error';
import { SegmentAuthGuard } from './segment-auth.guard';
import { IntakeResult, TrackingService } from './tracking.service';
import { WebhookSignatureGuard } from './webhook-signature.guard';

const SINGLE_MESSAGE_ROUTES = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;

/**
 * Segment HTTP Tracking API shapes, so Segment's own clients work with their host set to this
 * service, plus the Segment webhook destination. Answers come only after the messages are in
 * the queue; a body the sender must fix is a 400, since Segment clients retry anything else.
 */
@ApiTags('segment intake')
@SkipThrottle()
@ApiBasicAuth()
@UseGuards(SegmentAuthGuard)
@Controller('v1')
export class TrackingController {
  constructor(private readonly tracking: TrackingService) {}

  @Post('batch')
  @HttpCode(200)
  async batch(@Req() request: FastifyRequest, @Body() body: unknown) {
    if (!isPlainObject(body) || !Array.isArray(body.batch)) {
      throw ApiError.badRequest(ErrorCode.InvalidBatch, 'The body must be { "batch": [...] }.');
    }

    const result = await this.tracking.intake({
      appId: appIdOf(request),
      messages: body.batch,
      arrivedAt: new Date(),
      envelope: { context: body.context, integrations: body.integrations, sentAt: body.sentAt },
    });

    return answerMany(result);
  }

  /** One message per request, or a JSON array when the destination batches. */
  @Post('webhooks/segment')
  @UseGuards(WebhookSignatureGuard)
  @HttpCode(200)
  async webhook(@Req() request: FastifyRequest, @Body() body: unknown) {
    const messages = Array.isArray(body) ? body : [body];
    const result = await this.tracking.intake({
      appId: appIdOf(request),
      messages,
      arrivedAt: new Date(),
    });

    return answerMany(result);
  }

  @Post(':type')
  @HttpCode(200)
  async single(@Req() request: FastifyRequest, @Param('type') type: string, @Body() body: unknown) {
    if (!(SINGLE_MESSAGE_ROUTES as readonly string[]).includes(type)) {
      throw new ApiError(404, ErrorCode.NotFound, `No route POST /v1/${type}.`);
    }

    await this.tracking.intakeOne({
      appId: appIdOf(request),
      messages: [body],
      arrivedAt: new Date(),
      typeFromPath: type as SegmentMessageType,
    });

    return { success: true };
  }
}

function appIdOf(request: FastifyRequest): string {
  // SegmentAuthGuard has run, so the app is set.
  return (request.segmentApp as { id: string }).id;
}

/**
 * A request with some good messages is a 200 that lists the rejected ones: a 400 would make
 * the sender drop the good messages too. Only a request with nothing usable is a 400.
 */
function answerMany(result: IntakeResult) {
  if (result.accepted === 0 && result.rejected.length > 0) {
    throw ApiError.badRequest(ErrorCode.InvalidBatch, 'No message of the request was accepted.', {
      accepted: 0,
      rejected: result.rejected,
    });
  }

  return { success: true, accepted: result.accepted, rejected: result.rejected };
}
