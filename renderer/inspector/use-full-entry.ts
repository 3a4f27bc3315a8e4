// The inspector shows the whole payload: an entry that came as a preview (`previewOnly`) is fetched once
// with get-entry, and the answer is kept in a small cache so going back and forth costs nothing.
import { useEffect, useState } from 'react';
import type { CaptureEntry } from '../../shared/capture';
import type { RingEntry } from '../capture/entry-ring';
import type { RequestReplier } from '../transport/request-reply';

const CACHE_SIZE = 32;
const cache = new Map<number, CaptureEntry>();

/** What the inspector has for the selected entry. */
export type FullEntryState =
  | { status: 'ready'; entry: CaptureEntry }
  | { status: 'loading'; entry: RingEntry }
  | { status: 'failed'; entry: RingEntry; error: string };

/** The full form of `entry` (the preview while it loads, or when fetching failed). */
export function useFullEntry(entry: RingEntry, replier: RequestReplier | null): FullEntryState {
  const needsFetch = entry.previewOnly === true && replier !== null;
  const cached = needsFetch ? cache.get(entry.seq) : undefined;
  const [fetched, setFetched] = useState<{ seq: number; result: FullEntryState } | null>(null);

  useEffect(() => {
    if (!needsFetch || cached || !replier) return undefined;
    let current = true;
    replier.request({ kind: 'get-entry', seq: entry.seq }).then(
      (body) => {
        if (!current) return;
        if (typeof body === 'string') {
          setFetched({ seq: entry.seq, result: { status: 'failed', entry, error: 'the engine answered with text instead of an entry' } });
          return;
        }
        remember(body);
        setFetched({ seq: entry.seq, result: { status: 'ready', entry: body } });
      },
      (error: unknown) => {
        if (current) setFetched({ seq: entry.seq, result: { status: 'failed', entry, error: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [entry, needsFetch, cached, replier]);

  if (!needsFetch) return { status: 'ready', entry };
  if (cached) return { status: 'ready', entry: cached };
  if (fetched && fetched.seq === entry.seq) return fetched.result;
  return { status: 'loading', entry };
}

function remember(entry: CaptureEntry): void {
  cache.delete(entry.seq);
  cache.set(entry.seq, entry);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
}
