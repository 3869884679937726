import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

import { AppConfig } from './app-config';

/**
 * Paths pino removes from every log line: credentials never reach the logs, whichever
 * request or object carries them.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-signature"]',
  'req.headers.cookie',
  '*.branchSecret',
  '*.secret',
  '*.webhookSigningSecret',
];

/** Structured logs through nestjs-pino: JSON in production, pretty in development. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Lines logged inside a request carry its id only, not the whole request again.
        quietReqLogger: true,
        pinoHttp: {
          level: config.log.level,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          // A request line names the request, not every header it carried.
          serializers: {
            req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
              remoteAddress: req.remoteAddress,
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          transport: config.log.pretty
            ? { target: 'pino-pretty', options: { singleLine: true, colorize: false } }
            : undefined,
          // A 2xx on the intake path is the normal case and is counted elsewhere; logging each
          // one at info would dominate the logs, so only failures are raised.
          customLogLevel: (_req, res, err) => {
            if (err || res.statusCode >= 500) return 'error';
            if (res.statusCode >= 400) return 'warn';

            return 'debug';
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
