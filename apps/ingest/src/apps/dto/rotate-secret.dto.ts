import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

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

  @ApiPropertyOptional({
    description:
      'Rotate although the previous secret is still in its grace period, which ends that ' +
      'grace at once: senders still on the oldest secret are refused from then on.',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}
