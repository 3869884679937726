export * from './field-names';
export * from './insert-once';
export * from './schemas/app.schema';
export * from './schemas/branch-event.schema';
export * from './schemas/rejected-message.schema';
export * from './schemas/secret-rotation.schema';
export * from './schemas/skipped-message.schema';
export * from './storage.module';
