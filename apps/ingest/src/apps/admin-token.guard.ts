import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { AppConfig } from '@sbi/config';

import { ApiError } from '../common/api-error';
import { constantTimeEquals } from './credentials';

/** Admin routes: `Authorization: Bearer <ADMIN_TOKEN>`, the operator who sees every app. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;

    if (!match || !constantTimeEquals(match[1], this.config.security.adminToken)) {
      throw ApiError.unauthorized();
    }

    return true;
  }
}
