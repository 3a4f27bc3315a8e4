import { performance } from 'node:perf_hooks';
import type { Clock } from './ports';

export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
  monotonic: () => performance.now(),
};
