import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { constantTimeEquals, signWebhookBody } from '../apps/credentials';
import { ApiError } from '../common/api-error';

/**
 * Webhook route, after SegmentAuthGuard: when the app has a signing secret, the request must
 * carry `X-Signature`, the hex HMAC-SHA1 of the raw body bytes (never a re-serialised body,
 * which would differ in spacing and key order) keyed by that secret.
 */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  private readonly logger = new Logger(WebhookSignatureGuard.name);

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const secret = request.segmentApp?.webhookSigningSecret;

    if (!secret) return true;

    const signature = request.headers['x-signature'];
    const expected = signWebhookBody(request.rawBody ?? Buffer.alloc(0), secret);

    if (typeof signature !== 'string' || !constantTimeEquals(signature.toLowerCase(), expected)) {
      const reason = typeof signature === 'string' ? 'wrong X-Signature' : 'no X-Signature';

      this.logger.warn({ appId: request.segmentApp?.id, reason }, 'webhook signature refused');
      throw ApiError.unauthorized('intake');
    }

    return true;
  }
}
