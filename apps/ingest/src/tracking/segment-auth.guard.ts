import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { AppAuthenticator, AuthenticatedApp } from '../apps/app-authenticator.service';

declare module 'fastify' {
  interface FastifyRequest {
    segmentApp?: AuthenticatedApp;
  }
}

/** Intake routes: resolves the app from the Segment Basic credentials, or answers 401. */
@Injectable()
export class SegmentAuthGuard implements CanActivate {
  constructor(private readonly authenticator: AppAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();

    request.segmentApp = await this.authenticator.authenticate(request.headers.authorization);

    return true;
  }
}
