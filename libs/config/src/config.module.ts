import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';

import { AppConfig } from './app-config';
import { validateEnvironment } from './environment';

/**
 * Validates the environment at boot and provides `AppConfig`. `overrides` lets tests run an
 * app against their own database or queue prefix without touching `process.env`.
 */
/** The validated configuration of this process, with test overrides on top of its env. */
export function loadAppConfig(overrides: Record<string, string> = {}): AppConfig {
  return new AppConfig(validateEnvironment({ ...process.env, ...overrides }));
}

@Global()
@Module({})
export class AppConfigModule {
  static forRoot(overrides: Record<string, string> = {}): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, validate: (raw) => raw })],
      providers: [
        {
          provide: AppConfig,
          useFactory: () => loadAppConfig(overrides),
        },
      ],
      exports: [AppConfig],
    };
  }
}
