export * from './identity.types';
export { resolveIdentity, PLATFORM_LABELS } from './identity.resolver';
export { detectPlatform } from './platform.detector';
export { buildUserData, isAllZeroAdvertisingId } from './user-data.builder';
