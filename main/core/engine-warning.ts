// A warning notice the rules return and the session logs as a capture entry of kind 'warning'.
import type { Json } from '../../shared/json';

/** One API misuse noticed by the engine; `id` is the key of renderer/warnings/warning-catalog.ts. */
export interface EngineWarning {
  id: string;
  message: string;
  detail?: Record<string, Json>;
}
