import { Module } from '@nestjs/common';

import { AdminAuthGuard } from './admin-auth.guard';
import { AppAuthenticator } from './app-authenticator.service';
import { AppExistsPipe } from './app-exists.pipe';
import { AppsController } from './apps.controller';
import { AppsRepository } from './apps.repository';
import { AppsService } from './apps.service';

@Module({
  controllers: [AppsController],
  providers: [AppsRepository, AppsService, AppAuthenticator, AdminAuthGuard, AppExistsPipe],
  exports: [AppAuthenticator, AdminAuthGuard, AppsRepository, AppExistsPipe],
})
export class AppsModule {}
