export * from './segment-message.types';
export * from './timestamps';
export * from './batch';
