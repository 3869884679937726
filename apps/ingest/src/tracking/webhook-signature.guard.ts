import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
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
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const secret = request.segmentApp?.webhookSigningSecret;

    if (!secret) return true;

    const signature = request.headers['x-signature'];
    const expected = signWebhookBody(request.rawBody ?? Buffer.alloc(0), secret);

    if (typeof signature !== 'string' || !constantTimeEquals(signature.toLowerCase(), expected)) {
      throw ApiError.unauthorized();
    }

    return true;
  }
}
