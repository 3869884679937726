import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { ApiError, ErrorCode } from '../common/api-error';

/**
 * Who is calling an admin route: the operator (ADMIN_TOKEN, every app) or one app's admin key
 * (that app only).
 */
export type AdminPrincipal = { kind: 'operator' } | { kind: 'app'; appId: string };

declare module 'fastify' {
  interface FastifyRequest {
    adminPrincipal?: AdminPrincipal;
  }
}

/** The principal AdminAuthGuard put on the request. */
export const Principal = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<FastifyRequest>().adminPrincipal as AdminPrincipal;
});

/**
 * Refuses a principal that may not touch `appId`. Another app's id answers 404, exactly like
 * an id that does not exist, so an app key cannot even learn which apps exist.
 */
export function assertMayAccess(principal: AdminPrincipal, appId: string): void {
  if (principal.kind === 'app' && principal.appId !== appId) throw appNotFound(appId);
}

export function assertOperator(principal: AdminPrincipal): void {
  if (principal.kind !== 'operator') {
    throw new ApiError(403, ErrorCode.Forbidden, 'Only the operator token may do this.');
  }
}

export function appNotFound(appId: string): ApiError {
  return new ApiError(404, ErrorCode.NotFound, `No app with id ${appId}.`);
}
