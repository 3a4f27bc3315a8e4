import { performance } from 'node:perf_hooks';
import type { Clock } from './ports';

const timeOrigin = performance.timeOrigin;

export const systemClock: Clock = {
  now: () => timeOrigin + performance.now(),
  monotonic: () => performance.now(),
  wallTimeOf: (monoTime) => timeOrigin + monoTime,
};
