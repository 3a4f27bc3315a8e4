// The one TimelineIndex of the panel, fed from the shown entry ring. The timeline canvas and the warnings
// list both read it, so the capture is indexed once; a new ring generation (clear, import, back to live)
// starts it over.
import { entryRing } from '../capture/entry-ring';
import type { EntryRingView } from '../capture/entry-ring';
import { TimelineIndex } from './timeline-index';

/** The panel-wide index (see the module comment). */
export const timelineIndex = new TimelineIndex();

const indexedGeneration = new WeakMap<TimelineIndex, number>();

/** Brings the index up to date with the ring; cheap when nothing arrived. Returns the index. */
export function syncTimelineIndex(ring: EntryRingView = entryRing, index: TimelineIndex = timelineIndex): TimelineIndex {
  const generation = ring.generation();
  if (indexedGeneration.get(index) !== generation) {
    index.reset();
    indexedGeneration.set(index, generation);
  }
  index.syncFrom(ring);
  return index;
}
