// An entry of the live capture that the panel ring no longer holds, read with get-entry: the engine reads it
// from the run's session on disk (docs/session-storage.md "The live log reaches the session").
import { useEffect, useState } from 'react';
import type { CaptureEntry } from '../../shared/capture';
import type { RequestReplier } from '../transport/request-reply';

export type SessionEntryState = { status: 'loading' } | { status: 'ready'; entry: CaptureEntry } | { status: 'failed'; error: string };

export function useSessionEntry(seq: number, replier: RequestReplier): SessionEntryState {
  const [state, setState] = useState<{ seq: number; result: SessionEntryState } | null>(null);
  useEffect(() => {
    let current = true;
    replier.request({ kind: 'get-entry', seq }).then(
      (body) => {
        if (!current) return;
        setState({ seq, result: typeof body === 'string' ? { status: 'failed', error: 'the engine answered with text instead of an entry' } : { status: 'ready', entry: body } });
      },
      (error: unknown) => {
        if (current) setState({ seq, result: { status: 'failed', error: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [seq, replier]);
  return state && state.seq === seq ? state.result : { status: 'loading' };
}
