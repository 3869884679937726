import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { AdminAuthGuard } from '../apps/admin-auth.guard';
import { AdminPrincipal, assertOperator, Principal } from '../apps/admin-principal';
import { MetricsRegistry } from './metrics.registry';

/**
 * Prometheus text format, for the operator token only: the counts span every app. Prometheus
 * sends it with `authorization: { credentials: <ADMIN_TOKEN> }` in its scrape config.
 */
@ApiTags('operations')
@ApiBearerAuth()
@UseGuards(AdminAuthGuard)
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@Principal() principal: AdminPrincipal): Promise<string> {
    assertOperator(principal);

    return this.metrics.registry.metrics();
  }
}
