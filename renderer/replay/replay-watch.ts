// The panel's view of the replay endpoints: one store per engine link, kept current by a long poll
// (`replay-list` is answered at once when the panel is behind, else at the next change) that runs only
// while some view holds it.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ReplayEndpoint } from '../../shared/replay';
import type { RequestReplier } from '../transport/request-reply';
import { parseReplayList } from './replay-replies';

export interface ReplayWatchState {
  replays: ReplayEndpoint[];
  /** The list version last seen (-1 before the first answer). */
  version: number;
  /** Why the list could not be read ('' = fine). */
  error: string;
}

export interface ReplayWatch {
  store: StoreApi<ReplayWatchState>;
  /** Keeps the list current until the returned function is called. */
  hold(): () => void;
}

/** Longer than the engine holds a list request (20 s), so a quiet list never looks like a failure. */
export const LIST_TIMEOUT_MS = 30_000;
/** Pause after a failed request before asking again. */
export const RETRY_MS = 2_000;

const watches = new WeakMap<RequestReplier, ReplayWatch>();

/** The watch of this link's replier (created on first use). */
export function replayWatchFor(replier: RequestReplier): ReplayWatch {
  let watch = watches.get(replier);
  if (!watch) {
    watch = createReplayWatch(replier);
    watches.set(replier, watch);
  }
  return watch;
}

/** A watch over `replier`. */
function createReplayWatch(replier: RequestReplier, retryMs = RETRY_MS): ReplayWatch {
  const store = createStore<ReplayWatchState>(() => ({ replays: [], version: -1, error: '' }));
  let holders = 0;
  let running = false;

  async function poll(): Promise<void> {
    running = true;
    while (holders > 0) {
      try {
        const body = await replier.request({ kind: 'replay-list', since: store.getState().version }, LIST_TIMEOUT_MS);
        const list = parseReplayList(body);
        if (!list) throw new Error('the engine answered the replay list with something else');
        store.setState({ replays: list.replays, version: list.version, error: '' });
      } catch (error) {
        store.setState({ error: error instanceof Error ? error.message : String(error) });
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    }
    running = false;
  }

  return {
    store,
    hold() {
      holders += 1;
      if (!running) void poll();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
      };
    },
  };
}
