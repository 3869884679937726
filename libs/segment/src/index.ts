export * from './segment-message.types';
export * from './timestamps';
export * from './batch';
export * from './rejection-reason.constants';
export * from './segment-message.validator';
