// Per connection, the few entries that describe it (lifecycle steps and close frames), kept up to date
// incrementally from the shown ring: the inspector's connection section and the log's connection filter
// read this instead of scanning the whole ring on every frame.
import type { EntryRingView, RingEntry } from './entry-ring';
import { entryRing } from './entry-ring';

/** Connection ids in order of first appearance, with their describing entries in seq order. */
export interface ConnectionCatalog {
  ids(): readonly string[];
  entriesOf(connectionId: string): readonly RingEntry[];
}

/** Builds a catalog that follows `ring`: each read first takes in what was appended since the last one. */
export function createConnectionCatalog(ring: EntryRingView): ConnectionCatalog {
  let generation = -1;
  let scannedTo = 0;
  let order: string[] = [];
  let byId = new Map<string, RingEntry[]>();

  function refresh(): void {
    if (ring.generation() !== generation) {
      generation = ring.generation();
      scannedTo = 0;
      order = [];
      byId = new Map();
    }
    const evicted = ring.evicted();
    ring.forEach((entry) => {
      if (!entry.connectionId) return;
      let list = byId.get(entry.connectionId);
      if (!list) {
        list = [];
        byId.set(entry.connectionId, list);
        order = [...order, entry.connectionId];
      }
      if (describesConnection(entry)) list.push(entry);
    }, Math.max(0, scannedTo - evicted));
    scannedTo = ring.appended();
  }

  return {
    ids() {
      refresh();
      return order;
    },
    entriesOf(connectionId) {
      refresh();
      return byId.get(connectionId) ?? [];
    },
  };
}

/** The catalog of the shown ring (live or imported). */
export const connectionCatalog: ConnectionCatalog = createConnectionCatalog(entryRing);

function describesConnection(entry: RingEntry): boolean {
  return entry.kind === 'lifecycle' || (entry.kind === 'frame' && entry.opcode === 8);
}
