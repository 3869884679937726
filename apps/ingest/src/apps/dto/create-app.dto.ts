import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';

import { PlatformSettingsDto } from './platform-settings.dto';

export class CreateAppDto {
  @ApiProperty({ example: 'Shoply iOS + Android' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({
    description:
      'Shared secret entered in the Segment webhook destination; when set, webhook requests ' +
      'must carry a valid X-Signature.',
  })
  @IsOptional()
  @IsString()
  @Length(8, 512)
  webhookSigningSecret?: string;

  @ApiPropertyOptional({ type: () => PlatformSettingsDto })
  @IsOptional()
  // An array would pass ValidateNested element by element, so the object shape is required.
  @IsObject()
  @ValidateNested()
  @Type(() => PlatformSettingsDto)
  platforms?: PlatformSettingsDto;
}
