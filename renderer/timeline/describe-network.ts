// Timeline words for the emulated network's entries (docs/debugging.md#network-conditions).
import type { CaptureEntry } from '../../shared/capture';
import type { NetworkConditions } from '../../shared/debugging/network-conditions';
import { describeConditions, networkConditionsSchema } from '../../shared/debugging/network-conditions';

function conditionsIn(value: unknown): NetworkConditions | null {
  const parsed = networkConditionsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** "network: offline", "network: latency ↓80 ↑60 ms (+1 connection of its own)", "network dropped s1: offline". */
export function describeNetworkEntry(entry: CaptureEntry): string {
  if (entry.name === 'network-drop') return `network dropped the connection: ${typeof entry.detail?.why === 'string' ? entry.detail.why : 'emulated'}`;
  const own = entry.detail?.perConnection;
  const count = own && typeof own === 'object' && !Array.isArray(own) ? Object.keys(own).length : 0;
  return `network: ${describeConditions(conditionsIn(entry.detail?.all))}${count > 0 ? ` (+${count} connection${count === 1 ? '' : 's'} of its own)` : ''}`;
}
