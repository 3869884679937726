import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_GRACE_SECONDS = 24 * 3600;

export class RotateSecretDto {
  @ApiPropertyOptional({
    description: 'How long the old secret keeps working, so senders can be updated. 0 ends it now.',
    default: DEFAULT_GRACE_SECONDS,
    maximum: 30 * 24 * 3600,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30 * 24 * 3600)
  graceSeconds?: number;
}
