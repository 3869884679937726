import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

import { INCLUDABLE, PageQueryDto } from './page-query.dto';

/** Skipped-message filters; `from`/`to` bound when the message was recorded as skipped. */
export class SkippedQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'auto_tracked_by_branch' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reason?: string;

  @ApiPropertyOptional({ enum: INCLUDABLE, description: 'Adds the original Segment message.' })
  @IsOptional()
  @IsIn(INCLUDABLE)
  include?: (typeof INCLUDABLE)[number];
}
