// The "type" column of the frame log and its filter: what a row is, in the words a user filters by.
import type { CaptureEntry } from '../../shared/capture';
import { OPCODE } from '../../shared/capture';

export const ENTRY_TYPES = ['text', 'binary', 'control', 'lifecycle', 'call', 'result', 'error', 'warning', 'request'] as const;
/** text/binary/control are frames on the wire; `request` is one my.request; the rest are the `my` and engine side of the log. */
export type EntryType = (typeof ENTRY_TYPES)[number];

/** Classifies one capture entry for the type column and the type filter. */
export function entryTypeOf(entry: Pick<CaptureEntry, 'kind' | 'opcode' | 'binary'>): EntryType {
  switch (entry.kind) {
    case 'frame':
      if (entry.opcode === OPCODE.text) return 'text';
      if (entry.opcode === OPCODE.binary) return 'binary';
      if (entry.opcode !== undefined) return 'control';
      return entry.binary ? 'binary' : 'text';
    case 'call':
      return 'call';
    case 'result':
      return 'result';
    case 'lifecycle':
      return 'lifecycle';
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'http':
      return 'request';
  }
}
