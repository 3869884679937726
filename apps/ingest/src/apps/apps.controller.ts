import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';

import { AdminAuthGuard } from './admin-auth.guard';
import { AdminPrincipal, assertOperator, Principal } from './admin-principal';
import { AppsService } from './apps.service';
import { CreateAppDto } from './dto/create-app.dto';
import { PlatformSettingsDto } from './dto/platform-settings.dto';
import { RotateSecretDto } from './dto/rotate-secret.dto';
import { UpdateAppDto } from './dto/update-app.dto';

/**
 * Apps and their credentials. The operator token manages every app; an app's admin key
 * reaches only its own app (AdminAuthGuard answers 404 for any other id).
 */
@ApiTags('admin: apps')
@ApiBearerAuth()
@UseGuards(AdminAuthGuard)
@Controller('admin/apps')
export class AppsController {
  constructor(private readonly apps: AppsService) {}

  /** Operator only. The Branch secret and the admin key are shown in this answer only. */
  @Post()
  @HttpCode(201)
  create(@Principal() principal: AdminPrincipal, @Body() dto: CreateAppDto) {
    assertOperator(principal);

    return this.apps.create(dto);
  }

  @Get()
  list(@Principal() principal: AdminPrincipal) {
    return this.apps.list(principal);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.apps.get(id);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() dto: UpdateAppDto) {
    return this.apps.update(id, dto);
  }

  @ApiQuery({ name: 'confirm', description: 'The app id again, to confirm.' })
  @Delete(':id')
  delete(@Param('id') id: string, @Query('confirm') confirm?: string) {
    return this.apps.delete(id, confirm);
  }

  @Get(':id/platforms')
  async getPlatforms(@Param('id') id: string) {
    return (await this.apps.get(id)).platforms;
  }

  /** Takes effect for every message the worker processes after the answer; no restart. */
  @Put(':id/platforms')
  setPlatforms(@Param('id') id: string, @Body() dto: PlatformSettingsDto) {
    return this.apps.updatePlatforms(id, dto);
  }

  /** The new secret is in this answer only; the old one works for `graceSeconds` more. */
  @Post(':id/secret/rotate')
  @HttpCode(200)
  rotateSecret(@Param('id') id: string, @Body() dto: RotateSecretDto) {
    return this.apps.rotateSecret(id, dto);
  }

  @Post(':id/admin-key/rotate')
  @HttpCode(200)
  rotateAdminKey(@Param('id') id: string) {
    return this.apps.rotateAdminKey(id);
  }
}
