import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { AdminAuthGuard } from '../apps/admin-auth.guard';
import { AppExistsPipe } from '../apps/app-exists.pipe';
import { ApiError, ErrorCode } from '../common/api-error';
import { FailedJobs } from '../queue/failed-jobs.service';
import { ListFailedQuery } from './dto/list-failed.query';
import { ReplayFailedDto } from './dto/replay-failed.dto';

/**
 * Jobs that failed all their retries (e.g. MongoDB was down for longer than the backoff).
 * They stay in BullMQ's failed set until replayed; a replay runs the normal worker path.
 */
@ApiTags('admin: failed jobs')
@ApiBearerAuth()
@UseGuards(AdminAuthGuard)
@Controller('admin/apps/:id/failed')
export class DeadLettersController {
  constructor(private readonly failed: FailedJobs) {}

  /** Newest first, with the error of the last attempt. */
  @Get()
  async list(@Param('id', AppExistsPipe) id: string, @Query() query: ListFailedQuery) {
    const { jobs, truncated } = await this.failed.list(id, query.limit ?? 50);

    return { items: jobs, truncated };
  }

  @Post('replay')
  @HttpCode(200)
  async replay(@Param('id', AppExistsPipe) id: string, @Body() dto: ReplayFailedDto) {
    if (dto.all === true && dto.jobIds) {
      throw ApiError.badRequest(ErrorCode.ValidationFailed, 'Give jobIds or all, not both.');
    }

    if (dto.all !== true && !dto.jobIds) {
      throw ApiError.badRequest(ErrorCode.ValidationFailed, 'Give jobIds, or all: true.');
    }

    return this.failed.replay(id, dto.all ? undefined : dto.jobIds);
  }
}
