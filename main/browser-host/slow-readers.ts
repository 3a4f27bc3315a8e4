// A page or panel that stops reading its bridge must not grow the engine's memory (docs/architecture.md#threat-model).
// What the engine sends waits in the bridge socket (`ws` bufferedAmount); past a bound in bytes the host
// stops what produces it until the reader has taken most of it:
// - a mini-app page: its sockets stop reading their servers (TCP pushes back to the server, as a phone's full
//   receive buffer would) and its bridge is not read (its calls wait, in order). Nothing is dropped: every
//   message reaches the page once it reads again.
// - a panel: its own sockets and its requests wait the same way, the capture stream already stops at its
//   credit, and state pushes (whole snapshots) are not sent: the newest one is sent once it reads again.
// Each time a reader starts to lag is a `client-bound` warning with the bytes (at most one per 10 s, counting).
import type { PanelMessage } from '../../shared/panel-wire';
import { logWarning } from '../core/engine-warning';
import type { CaptureLog, ClientSession, PanelSession, PanelSink } from '../core/ports';
import type { ReadFlow } from '../host-common/call-rate-limit';
import type { BridgePeer } from './bridge-server';

/** Bytes waiting for one page or panel before its producers stop (they start again below an eighth of it). */
export const DEFAULT_SLOW_READER_BYTES = 8 * 1024 * 1024;
const POLL_MS = 50;
const WARNING_INTERVAL_MS = 10_000;

/** Several reasons to stop reading one bridge (pacing, a full link): it reads only while none holds. */
export function createReadHolds(flow: ReadFlow): () => ReadFlow {
  const holding = new Set<object>();
  return () => {
    const holder = {};
    return {
      pause() {
        holding.add(holder);
        flow.pause();
      },
      resume() {
        if (holding.delete(holder) && holding.size === 0) flow.resume();
      },
    };
  };
}

interface LagHooks {
  /** The reader lags (called on every send while it does, so producers started meanwhile stop too). */
  stop(): void;
  /** It took most of what waited. */
  restart(): void;
}

/** Watches one peer's unsent bytes after each send; polls while it lags. */
function watchLag(peer: Pick<BridgePeer, 'bufferedAmount'>, bytesBound: number, warn: (bytes: number, episodes: number) => void, hooks: LagHooks) {
  let poll: NodeJS.Timeout | undefined;
  let episodes = 0;
  let warnedAt = -Infinity;
  return {
    sent(): void {
      const bytes = peer.bufferedAmount();
      if (bytes <= bytesBound) return;
      hooks.stop();
      if (poll !== undefined) return;
      episodes += 1;
      if (performance.now() - warnedAt >= WARNING_INTERVAL_MS) {
        warnedAt = performance.now();
        warn(bytes, episodes);
      }
      poll = setInterval(() => {
        if (peer.bufferedAmount() > bytesBound / 8) return;
        clearInterval(poll);
        poll = undefined;
        hooks.restart();
      }, POLL_MS);
    },
    close(): void {
      clearInterval(poll);
      poll = undefined;
    },
  };
}

function lagWarning(capture: CaptureLog, clientId: string, who: string, bytesBound: number) {
  return (bytes: number, episodes: number): void =>
    logWarning(capture, { clientId }, {
      id: 'client-bound',
      message: `The ${who} is not reading what the engine sends: ${bytes} bytes wait for it (bound ${bytesBound}). What feeds it waits until it reads again; nothing is dropped.`,
      detail: { bound: 'bytes buffered', limit: bytesBound, bytes, episodes },
    });
}

/** The bound of one mini-app page: `pacing` is the call pacer's read flow, `sent` follows each message to the page. */
export function guardSlowPage(peer: ReadFlow & Pick<BridgePeer, 'bufferedAmount'>, session: () => ClientSession, capture: CaptureLog, bytesBound: number) {
  const hold = createReadHolds(peer);
  const pacing = hold();
  const lagging = hold();
  const watch = watchLag(peer, bytesBound, (bytes, episodes) => lagWarning(capture, session().clientId, 'page', bytesBound)(bytes, episodes), {
    stop() {
      lagging.pause();
      session().pauseIncoming(true);
    },
    restart() {
      session().pauseIncoming(false);
      lagging.resume();
    },
  });
  return { pacing, sent: watch.sent, close: watch.close };
}

/** The bound of one panel: `send` is its sink (state pushes held while it lags), `close` stops watching. */
export function guardSlowPanel(peer: BridgePeer<PanelMessage>, session: () => PanelSession | undefined, capture: CaptureLog, bytesBound: number) {
  let lagging = false;
  let heldState: PanelMessage | undefined;
  const watch = watchLag(peer, bytesBound, lagWarning(capture, '', 'panel', bytesBound), {
    stop() {
      lagging = true;
      peer.pause();
      session()?.pauseIncoming(true);
    },
    restart() {
      lagging = false;
      session()?.pauseIncoming(false);
      peer.resume();
      if (heldState) peer.send(heldState);
      heldState = undefined;
    },
  });
  const send: PanelSink = (message) => {
    if (lagging && message.kind === 'state') {
      heldState = message;
      return;
    }
    peer.send(message);
    watch.sent();
  };
  return { send, close: watch.close };
}
