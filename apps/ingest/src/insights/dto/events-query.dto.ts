import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

import { Platform, PLATFORMS } from '@sbi/identity';

import { INCLUDABLE, PageQueryDto } from './page-query.dto';

/** Liveview filters; `from`/`to` bound the event time (`timestamp`). */
export class EventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'SEGMENT' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  origin?: string;

  @ApiPropertyOptional({ description: 'The Branch event name.', example: 'PURCHASE' })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  name?: string;

  @ApiPropertyOptional({ example: 'commerce' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  category?: string;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional({ description: 'The developer identity (Segment userId).' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  user?: string;

  @ApiPropertyOptional({ enum: INCLUDABLE, description: 'Adds the original Segment message.' })
  @IsOptional()
  @IsIn(INCLUDABLE)
  include?: (typeof INCLUDABLE)[number];
}
