// Capture entries for the panel-core tests, shaped as the engine writes them.
import type { CaptureEntry } from '../../../shared/capture';

/** A text frame with `seq`, overridable field by field. */
export function makeEntry(seq: number, fields: Partial<CaptureEntry> = {}): CaptureEntry {
  return {
    seq,
    wallTime: 1_700_000_000_000 + seq * 10,
    monoTime: seq * 10,
    clientId: 'app-1',
    connectionId: 's1',
    kind: 'frame',
    name: 'text',
    direction: 'in',
    opcode: 1,
    size: 5,
    payload: `hello ${seq}`,
    ...fields,
  };
}

/** Entries with consecutive seqs from `from`. */
export function makeEntries(from: number, count: number, fields: Partial<CaptureEntry> = {}): CaptureEntry[] {
  return Array.from({ length: count }, (_, i) => makeEntry(from + i, fields));
}
