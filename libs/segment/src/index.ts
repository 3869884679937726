export * from './segment-message.types';
