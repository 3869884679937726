import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsOptional, IsString } from 'class-validator';

/** Either a selection of job ids, or `all: true`; never both, never neither. */
export class ReplayFailedDto {
  @ApiPropertyOptional({ type: [String], description: 'Job ids from the failed list.' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  jobIds?: string[];

  @ApiPropertyOptional({ description: 'Replay every failed job of the app.' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}
