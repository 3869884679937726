import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import { AdminAuthGuard } from '../apps/admin-auth.guard';
import { AppExistsPipe } from '../apps/app-exists.pipe';
import { EventsQueryDto } from './dto/events-query.dto';
import { RejectedQueryDto } from './dto/rejected-query.dto';
import { SkippedQueryDto } from './dto/skipped-query.dto';
import { TimeRangeQueryDto } from './dto/time-range-query.dto';
import { LiveviewService } from './liveview.service';
import { RejectedService } from './rejected.service';
import { SkippedService } from './skipped.service';
import { StatusService } from './status.service';

const PAGING =
  'Pages follow `nextCursor` (null on the last page); a page stays stable while new rows ' +
  'arrive, since those sort before it. A cursor not issued here answers 400 invalid_cursor.';

/**
 * What became of an app's messages: integration status, the imported events (Liveview), and
 * the skipped and rejected messages. The operator token reads every app; an app's admin key
 * only its own (any other id answers 404, exactly as an unknown id does).
 */
@ApiTags('admin: insights')
@ApiBearerAuth()
@UseGuards(AdminAuthGuard)
@Controller('admin/apps/:id')
export class InsightsController {
  constructor(
    private readonly statusView: StatusService,
    private readonly liveview: LiveviewService,
    private readonly skipped: SkippedService,
    private readonly rejected: RejectedService,
  ) {}

  @ApiOperation({
    summary: 'Integration status (the green dot)',
    description:
      'Per platform: seen once any message of it was imported or skipped. Counts over the ' +
      'last hour and day by arrival time: imported, skipped by reason, rejected, failed jobs.',
  })
  @Get('status')
  status(@Param('id', AppExistsPipe) id: string) {
    return this.statusView.status(id);
  }

  @ApiOperation({
    summary: 'Liveview: imported events',
    description:
      'Newest first in arrival order (`storedAt`, when the worker stored the event), not by ' +
      `event time; \`from\`/\`to\` filter on the event time (\`timestamp\`). ${PAGING}`,
  })
  @Get('events')
  events(@Param('id', AppExistsPipe) id: string, @Query() query: EventsQueryDto) {
    return this.liveview.list(id, query);
  }

  @ApiOperation({
    summary: 'Skipped messages',
    description: `Newest recorded first; \`from\`/\`to\` filter on \`recordedAt\`. ${PAGING}`,
  })
  @Get('skipped')
  skippedMessages(@Param('id', AppExistsPipe) id: string, @Query() query: SkippedQueryDto) {
    return this.skipped.list(id, query);
  }

  @ApiOperation({
    summary: 'Skipped messages per reason',
    description: 'Most frequent first, with what each reason means; by `recordedAt`.',
  })
  @Get('skipped/counts')
  skippedCounts(@Param('id', AppExistsPipe) id: string, @Query() query: TimeRangeQueryDto) {
    return this.skipped.counts(id, query);
  }

  @ApiOperation({
    summary: 'Rejected messages',
    description: `Newest recorded first; \`from\`/\`to\` filter on \`recordedAt\`. ${PAGING}`,
  })
  @Get('rejected')
  rejectedMessages(@Param('id', AppExistsPipe) id: string, @Query() query: RejectedQueryDto) {
    return this.rejected.list(id, query);
  }

  @ApiOperation({
    summary: 'Rejected messages per reason',
    description: 'Most frequent first; by `recordedAt`.',
  })
  @Get('rejected/counts')
  rejectedCounts(@Param('id', AppExistsPipe) id: string, @Query() query: TimeRangeQueryDto) {
    return this.rejected.counts(id, query);
  }
}
