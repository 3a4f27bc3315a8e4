// The `my` socket API client: what hosts and tests import.
export { createMy } from './create-my';
export { engineMessageSchema } from './engine-message-schema';
export { createMemoryTransportPair, type MemoryEngineSide, type MemoryTransportPair } from './memory-transport';
export { SANITIZE_LIMITS, sanitizeOptions, type AnyFunction, type TopLevelFunctionHook } from './sanitize';
export type * from './types';
