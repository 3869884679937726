import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';

import { loadAppConfig } from '@sbi/config';

import { ApiErrorFilter } from './common/api-error.filter';
import { answerClientError } from './common/client-error.handler';
import {
  MAX_REQUEST_BYTES,
  registerJsonBodyParser,
  registerUnsupportedTypeParser,
} from './common/json-body.parser';
import { IngestModule } from './ingest.module';

/**
 * Builds the ingest app, ready to listen; main.ts and the end-to-end tests share it.
 * Fastify rather than Express: measured here, Nest on Fastify serves several times the
 * requests per second, and intake is the hot path.
 */
export async function createIngestApp(
  overrides: Record<string, string> = {},
): Promise<NestFastifyApplication> {
  // Needed before Nest's container exists: Fastify takes trustProxy at construction.
  const { trustProxy, requestTimeoutMs } = loadAppConfig(overrides).http;
  const adapter = new FastifyAdapter({
    bodyLimit: MAX_REQUEST_BYTES,
    trustProxy,
    requestTimeout: requestTimeoutMs,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    IngestModule.forRoot(overrides),
    adapter,
    { bufferLogs: true, bodyParser: false, abortOnError: false },
  );

  app.useLogger(app.get(Logger));
  registerJsonBodyParser(app.getHttpAdapter().getInstance());
  registerUnsupportedTypeParser(app.getHttpAdapter().getInstance());
  app.useGlobalFilters(new ApiErrorFilter());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, transform: true, forbidNonWhitelisted: true }),
  );
  app.enableShutdownHooks();
  setUpOpenApi(app);

  return app;
}

function setUpOpenApi(app: NestFastifyApplication): void {
  const document = new DocumentBuilder()
    .setTitle('segment-branch-import')
    .setDescription('Segment intake (HTTP Tracking API shapes, webhook) and the admin API.')
    .addBasicAuth()
    .addBearerAuth()
    .build();

  // The document only, no bundled UI: the UI needs @fastify/static, whose current release
  // pulls an ES-module-only dependency that Jest cannot load on Node 20. Any OpenAPI viewer
  // can open /docs/openapi.json.
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, document), {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: 'docs/openapi.json',
  });
}
