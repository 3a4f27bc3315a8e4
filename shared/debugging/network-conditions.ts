// Emulated network conditions (docs/debugging.md#network-conditions): what the engine applies to real
// sockets, the presets, and the network state a phone would report under them.
import * as z from 'zod';

export const networkConditionsSchema = z.object({
  /** Every socket ends as a dropped network, new connects fail (docs/debugging.md#network-conditions). */
  offline: z.boolean(),
  /** Delay added to each frame from the server to the app, ms. */
  latencyInMs: z.number().min(0).max(60_000),
  /** Delay added to each frame from the app to the server, ms. */
  latencyOutMs: z.number().min(0).max(60_000),
  /** Each frame's delay varies by up to this much either way (never reordering frames), ms. */
  jitterMs: z.number().min(0).max(60_000),
  /** Throughput of each direction in kilobits per second; 0 = unlimited. */
  bandwidthKbps: z.number().min(0).max(10_000_000),
  /** Chance per frame, in percent, that the connection drops there (as a lost network does). */
  lossPercent: z.number().min(0).max(100),
});
export type NetworkConditions = z.infer<typeof networkConditionsSchema>;

export const NO_CONDITIONS: NetworkConditions = { offline: false, latencyInMs: 0, latencyOutMs: 0, jitterMs: 0, bandwidthKbps: 0, lossPercent: 0 };

/** The presets the panel offers; figures follow the common browser devtools throttling profiles. */
export const NETWORK_PRESETS = {
  'slow-3g': { offline: false, latencyInMs: 200, latencyOutMs: 200, jitterMs: 50, bandwidthKbps: 400, lossPercent: 0 },
  '4g': { offline: false, latencyInMs: 40, latencyOutMs: 40, jitterMs: 10, bandwidthKbps: 9000, lossPercent: 0 },
  'flaky-wifi': { offline: false, latencyInMs: 30, latencyOutMs: 30, jitterMs: 80, bandwidthKbps: 5000, lossPercent: 2 },
  offline: { ...NO_CONDITIONS, offline: true },
} as const satisfies Record<string, NetworkConditions>;
export type NetworkPresetName = keyof typeof NETWORK_PRESETS;

/** Conditions for all connections and per connection (a per-connection entry wins over `all`). */
export const networkConditionsStateSchema = z.object({
  all: networkConditionsSchema.nullable(),
  perConnection: z.record(z.string().min(1).max(64), networkConditionsSchema),
});
export type NetworkConditionsState = z.infer<typeof networkConditionsStateSchema>;

/** The conditions that apply to one connection, or undefined when none are set. */
export function conditionsFor(state: NetworkConditionsState, connectionId: string): NetworkConditions | undefined {
  return state.perConnection[connectionId] ?? state.all ?? undefined;
}

/** True when these conditions change nothing (the engine then takes no detour at all). */
export function isNeutral(conditions: NetworkConditions | undefined): boolean {
  if (!conditions) return true;
  return !conditions.offline && conditions.latencyInMs === 0 && conditions.latencyOutMs === 0 && conditions.jitterMs === 0 && conditions.bandwidthKbps === 0 && conditions.lossPercent === 0;
}

/**
 * What `my.getNetworkType` answers under the global conditions (the one decision for sockets and
 * `my.request`): 'NOTREACHABLE' offline, else a type matching the throughput.
 */
export function networkTypeFor(all: NetworkConditions | null): { networkAvailable: boolean; networkType: string } {
  if (!all) return { networkAvailable: true, networkType: 'WIFI' };
  if (all.offline) return { networkAvailable: false, networkType: 'NOTREACHABLE' };
  if (all.bandwidthKbps > 0 && all.bandwidthKbps < 1000) return { networkAvailable: true, networkType: '3G' };
  if (all.bandwidthKbps > 0 && all.bandwidthKbps < 20_000) return { networkAvailable: true, networkType: '4G' };
  return { networkAvailable: true, networkType: 'WIFI' };
}

/** Conditions in a few words, for the timeline and the log: "offline", "latency ↓200 ↑200 ms, 400 kbit/s". */
export function describeConditions(conditions: NetworkConditions | null | undefined): string {
  if (!conditions || isNeutral(conditions)) return 'no throttling';
  if (conditions.offline) return 'offline';
  const parts: string[] = [];
  if (conditions.latencyInMs > 0 || conditions.latencyOutMs > 0) parts.push(`latency ↓${conditions.latencyInMs} ↑${conditions.latencyOutMs} ms`);
  if (conditions.jitterMs > 0) parts.push(`jitter ±${conditions.jitterMs} ms`);
  if (conditions.bandwidthKbps > 0) parts.push(`${conditions.bandwidthKbps} kbit/s`);
  if (conditions.lossPercent > 0) parts.push(`${conditions.lossPercent}% drop chance per frame`);
  return parts.join(', ');
}
