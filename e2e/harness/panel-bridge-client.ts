// A Node-side panel on the browser host's panel bridge (same token and Origin as the panel page): the
// specs' way to read engine state and change settings without depending on the panel's UI.
import { WebSocket } from 'ws';
import type { EngineState, PanelMessage, PanelRequest } from '../../shared/panel-wire';

export interface PanelBridgeClient {
  /** The latest state the engine pushed (waits for the first one). */
  state(): Promise<EngineState>;
  /** Resolves once a pushed state satisfies `predicate` (bounded wait). */
  waitForState(predicate: (state: EngineState) => boolean, timeoutMs?: number): Promise<EngineState>;
  send(request: PanelRequest): void;
  close(): void;
}

/** Connects to `panelBridge` (from the panel page's `__MSD_CONFIG__`) as the panel origin. */
export async function connectPanelBridge(panelBridge: string, panelOrigin: string): Promise<PanelBridgeClient> {
  const socket = new WebSocket(panelBridge, { origin: panelOrigin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let latest: EngineState | undefined;
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as PanelMessage;
    if (message.kind === 'state') latest = message.state;
    if (message.kind === 'batch') socket.send(JSON.stringify({ kind: 'ack', seq: message.entries.at(-1)?.seq ?? 0 } satisfies PanelRequest));
    waiters.forEach((wake) => wake());
  });
  const send = (request: PanelRequest) => socket.send(JSON.stringify(request));
  send({ kind: 'subscribe' });

  function waitForState(predicate: (state: EngineState) => boolean, timeoutMs = 15_000): Promise<EngineState> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (latest === undefined || !predicate(latest)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(latest);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching engine state within ${timeoutMs} ms; last: ${JSON.stringify(latest)?.slice(0, 2000)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  return {
    state: () => waitForState(() => true),
    waitForState,
    send,
    close: () => socket.close(),
  };
}
