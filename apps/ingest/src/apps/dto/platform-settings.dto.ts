import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** Which platforms an app imports; every one must be given, so a change is explicit. */
export class PlatformSettingsDto {
  @ApiProperty()
  @IsBoolean()
  ios: boolean;

  @ApiProperty()
  @IsBoolean()
  android: boolean;

  @ApiProperty({ description: 'Web import can be switched off on its own.' })
  @IsBoolean()
  web: boolean;
}
