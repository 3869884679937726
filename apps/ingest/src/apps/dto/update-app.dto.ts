import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsObject,
  IsOptional,
  IsString,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { PlatformSettingsDto } from './platform-settings.dto';

/** Every field optional; what is given replaces the stored value. */
export class UpdateAppDto {
  @ApiPropertyOptional()
  // Absent means unchanged; null is not a name (IsOptional would let it through).
  @ValidateIf((_dto, value) => value !== undefined)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: () => PlatformSettingsDto })
  @IsOptional()
  // An array would pass ValidateNested element by element, so the object shape is required.
  @IsObject()
  @ValidateNested()
  @Type(() => PlatformSettingsDto)
  platforms?: PlatformSettingsDto;

  @ApiPropertyOptional({
    nullable: true,
    description: 'New webhook signing secret; null removes it (webhooks then need no signature).',
  })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsString()
  @Length(8, 512)
  webhookSigningSecret?: string | null;
}
