// Builds capture entries for the timeline and warnings tests, with the defaults a real engine would fill.
import type { CaptureEntry } from '../../../shared/capture';
import { makeEntry } from '../../capture/test-support/make-entry';

/** A capture entry with `seq` and `monoTime` given and sensible defaults for the rest. */
export function entry(seq: number, monoTime: number, fields: Partial<CaptureEntry> = {}): CaptureEntry {
  return makeEntry(seq, { wallTime: 1_700_000_000_000 + monoTime, monoTime, payload: 'hello', ...fields });
}
