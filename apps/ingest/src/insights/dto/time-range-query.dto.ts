import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/**
 * `from` (inclusive) and `to` (exclusive) as ISO 8601 times. Which time they bound (event time
 * or arrival time) is said on each route.
 */
export class TimeRangeQueryDto {
  @ApiPropertyOptional({
    description: 'Inclusive start, ISO 8601.',
    example: '2026-11-30T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Exclusive end, ISO 8601.', example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
