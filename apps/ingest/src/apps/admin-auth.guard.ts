import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { AppConfig } from '@sbi/config';

import { ApiError } from '../common/api-error';
import { assertMayAccess } from './admin-principal';
import { AppsRepository } from './apps.repository';
import { constantTimeEquals, hashSecret } from './credentials';

/**
 * Admin routes take `Authorization: Bearer <token>`: the operator's ADMIN_TOKEN, or an app's
 * admin key. Ingest credentials (Basic) never pass. Routes whose path has an app `:id` also
 * check that an app key belongs to that app (see assertMayAccess), in one place here.
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  private readonly logger = new Logger(AdminAuthGuard.name);

  constructor(
    private readonly config: AppConfig,
    private readonly apps: AppsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(request.headers.authorization);

    if (!token) throw this.refuse('no bearer token');

    if (constantTimeEquals(token, this.config.security.adminToken)) {
      request.adminPrincipal = { kind: 'operator' };

      return true;
    }

    const app = await this.apps.findByAdminKeyHash(hashSecret(token));

    if (!app) throw this.refuse('unknown token');

    request.adminPrincipal = { kind: 'app', appId: app._id };
    assertMayAccess(request.adminPrincipal, appIdInPath(request) ?? app._id);

    return true;
  }

  /** Logs why (never the token) and returns the uniform 401. */
  private refuse(reason: string): ApiError {
    this.logger.warn({ reason }, 'admin credentials refused');

    return ApiError.unauthorized('admin');
  }
}

function appIdInPath(request: FastifyRequest): string | undefined {
  const params = request.params as Record<string, string> | undefined;

  return params?.id;
}

function bearerToken(header: unknown): string | undefined {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;

  return match?.[1];
}
