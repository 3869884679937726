import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

import { PageQueryDto } from './page-query.dto';

/**
 * Rejected-message filters; `from`/`to` bound when the rejection was recorded. Rejected
 * messages keep no copy of the message, so there is nothing to `include`.
 */
export class RejectedQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'invalid_message' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reason?: string;
}
