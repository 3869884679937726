import { Module } from '@nestjs/common';

import { AdminTokenGuard } from './admin-token.guard';
import { AppAuthenticator } from './app-authenticator.service';
import { AppsController } from './apps.controller';
import { AppsRepository } from './apps.repository';
import { AppsService } from './apps.service';

@Module({
  controllers: [AppsController],
  providers: [AppsRepository, AppsService, AppAuthenticator, AdminTokenGuard],
  exports: [AppAuthenticator],
})
export class AppsModule {}
