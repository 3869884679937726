export * from './app-config';
export * from './config.module';
export * from './environment';
export * from './logging.module';
export * from './redis-connection';
export * from './clock';
