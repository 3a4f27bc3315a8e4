// Builds capture entries for the timeline and warnings tests, with the defaults a real engine would fill.
import type { CaptureEntry } from '../../../shared/capture';

/** A capture entry with `seq` and `monoTime` given and sensible defaults for the rest. */
export function entry(seq: number, monoTime: number, fields: Partial<CaptureEntry> = {}): CaptureEntry {
  return {
    seq,
    wallTime: 1_700_000_000_000 + monoTime,
    monoTime,
    clientId: 'app-1',
    connectionId: 's1',
    kind: 'frame',
    name: 'text',
    direction: 'in',
    opcode: 1,
    size: 5,
    payload: 'hello',
    ...fields,
  };
}
