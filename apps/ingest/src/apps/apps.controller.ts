import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { AdminTokenGuard } from './admin-token.guard';
import { AppsService } from './apps.service';
import { CreateAppDto } from './dto/create-app.dto';
import { PlatformSettingsDto } from './dto/platform-settings.dto';

/** Operator routes to register apps and set which platforms they import. */
@ApiTags('admin: apps')
@ApiBearerAuth()
@UseGuards(AdminTokenGuard)
@Controller('admin/apps')
export class AppsController {
  constructor(private readonly apps: AppsService) {}

  @Post()
  @HttpCode(201)
  create(@Body() dto: CreateAppDto) {
    return this.apps.create(dto);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.apps.get(id);
  }

  @Get(':id/platforms')
  async getPlatforms(@Param('id') id: string) {
    return (await this.apps.get(id)).platforms;
  }

  /** Takes effect for every message the worker processes after the answer; no restart. */
  @Put(':id/platforms')
  async setPlatforms(@Param('id') id: string, @Body() dto: PlatformSettingsDto) {
    return (await this.apps.updatePlatforms(id, dto)).platforms;
  }
}
