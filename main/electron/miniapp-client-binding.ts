// Connects the mini-app view to the engine: `my:*` IPC from the view's main frame becomes one
// ClientSession per page, and the engine's messages go back on `my:engine`. A reload or navigation of the
// main frame, a crashed renderer or a destroyed view detaches the page's session (its sockets close with
// 1001, the page hears `reset`); the next page gets a fresh one. A mini-program view page has a second binding on
// the `my-logic:*` channels for its logic Worker (docs/miniprogram-runtime.md "Electron"). Messages are sender-checked,
// rate-limited per channel and validated before the engine sees them (docs/architecture.md#messages-between-pages-and-main).
import type { AppJsonSettings } from '../../shared/app-json';
import { PAGE_LINK_CHANNELS, type MyIpcChannels } from '../../shared/electron-ipc';
import type { ClientMessage, EngineMessage } from '../../shared/my-wire';
import { callIdOf, clientMessageSchema } from '../../shared/my-wire';
import { createCallPacer, type RateLimit } from '../host-common/call-rate-limit';
import { logWarning } from '../core/engine-warning';
import type { ClientSession, Engine } from '../core/ports';
import type { GuardedFrame, GuardedIpcEvent } from './sender-guard';
import { isTrustedSender } from './sender-guard';

type Op = ClientMessage['op'];

/** The parts of Electron's WebContents (of the mini-app view) the binding touches. */
export interface MiniappContents {
  readonly mainFrame: GuardedFrame;
  readonly ipc: {
    on(channel: string, listener: (event: GuardedIpcEvent, payload: unknown) => void): unknown;
    removeListener(channel: string, listener: (event: GuardedIpcEvent, payload: unknown) => void): unknown;
  };
  send(channel: string, message: EngineMessage): void;
  isDestroyed(): boolean;
  on(event: 'did-start-navigation', listener: (details: { isMainFrame: boolean; isSameDocument: boolean; url: string }) => void): unknown;
  on(event: 'did-navigate' | 'did-stop-loading' | 'destroyed', listener: () => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
}

export interface MiniappBindingOptions {
  engine: Pick<Engine, 'attachClient' | 'capture'>;
  contents: MiniappContents;
  /** The origin the mini-app was loaded from (miniapp://app or the URL's origin). */
  origin: string;
  /** What the mini-app's app.json set (its connect timeout applies to every page's connects); absent without one. */
  appJson?: AppJsonSettings;
  /** Whose my storage the pages use (main/host-common/project-key.ts); absent: the origin's. */
  projectKey?: string;
  /** Monotonic ms for the pacer. */
  now: () => number;
  /** Per-op limit of the view (main/core/call-rate-limit.ts; its default when absent). */
  rateLimit?: RateLimit;
  log?: (message: string) => void;
  /** Which link this binds: the page's `my` (default) or a mini-program's logic link. */
  channels?: MyIpcChannels;
}

export interface MiniappBinding {
  /** The current page's client id, once it has sent something. */
  clientId(): string | null;
  /** Detaches the current page and stops listening. */
  dispose(reason: string): void;
}

const callOps: ReadonlySet<Op> = new Set<Op>(['connect', 'send', 'close']);

/** Wires the view's `my:*` channels and page lifecycle to the engine. */
export function bindMiniappClient(options: MiniappBindingOptions): MiniappBinding {
  const { engine, contents, origin, now } = options;
  const channels = options.channels ?? PAGE_LINK_CHANNELS;
  const log = options.log ?? (() => {});
  let session: ClientSession | null = null;
  // Closed between a main-frame navigation start and its commit: late messages of the page being left
  // must not open a session the next page would inherit.
  let accepting = false;
  let disposed = false;

  // One pacer per view: a reload does not refill its buckets. IPC cannot be paused, so a burst waits here, in order.
  const pacer = createCallPacer({
    now,
    rateLimit: options.rateLimit,
    capture: engine.capture,
    clientId: () => currentSession().clientId,
    deliver: (message) => currentSession().receive(message as ClientMessage),
  });

  function deliver(owner: ClientSession | null, message: EngineMessage): void {
    if (owner !== session || contents.isDestroyed()) return;
    if (message.kind === 'event') pacer.eventDelivered();
    contents.send(channels.engine, message);
  }

  function currentSession(): ClientSession {
    if (session !== null) return session;
    let created: ClientSession | null = null;
    const attached = engine.attachClient({
      origin,
      send: (message) => deliver(created, message),
      appJson: options.appJson,
      ...(options.projectKey === undefined ? {} : { projectKey: options.projectKey }),
      holdCalls: (hold) => {
        if (created === session) pacer.hold(hold);
      },
    });
    created = attached;
    session = attached;
    return attached;
  }

  function fail(raw: unknown, op: Op, errorMessage: string): void {
    const callId = callOps.has(op) ? callIdOf(raw) : undefined;
    if (callId !== undefined) deliver(session, { kind: 'result', callId, ok: false, error: 1, errorMessage });
  }

  /** Ends the page's session; the page hears `reset` (it matters when the page survives, e.g. a cancelled navigation). */
  function detach(reason: string): void {
    const leaving = session;
    if (leaving === null) return;
    leaving.detach(reason);
    deliver(leaving, { kind: 'reset', reason });
    session = null;
    pacer.reset();
  }

  function receive(op: Op, channel: string, event: GuardedIpcEvent, raw: unknown): void {
    if (disposed || !accepting) return;
    if (!isTrustedSender(event, { contents, origin })) {
      log(`dropped ${channel} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
      return;
    }
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success || parsed.data.op !== op) {
      const why = parsed.success ? `op "${parsed.data.op}" sent on ${channel}` : parsed.error.issues[0]?.message ?? 'invalid';
      const message = `The host rejected a malformed ${channel} message: ${why}.`;
      logWarning(engine.capture, { clientId: currentSession().clientId }, { id: 'invalid-message', message, detail: { channel, issue: why } });
      fail(raw, op, message);
      return;
    }
    pacer.receive(parsed.data);
  }

  const listeners = (Object.entries(channels.calls) as [Op, string][]).map(([op, channel]) => {
    const listener = (event: GuardedIpcEvent, payload: unknown): void => receive(op, channel, event, payload);
    contents.ipc.on(channel, listener);
    return { channel, listener };
  });

  contents.on('did-start-navigation', (details) => {
    if (!details.isMainFrame || details.isSameDocument) return;
    accepting = false;
    detach(`mini-app navigated to ${details.url}`);
  });
  const reopen = (): void => {
    accepting = !disposed;
  };
  contents.on('did-navigate', reopen);
  contents.on('did-stop-loading', reopen);
  contents.on('render-process-gone', (_event, details) => {
    accepting = false;
    detach(`mini-app renderer gone (${details.reason})`);
  });
  contents.on('destroyed', () => dispose('mini-app view destroyed'));

  function dispose(reason: string): void {
    if (disposed) return;
    detach(reason);
    disposed = true;
    accepting = false;
    for (const { channel, listener } of listeners) contents.ipc.removeListener(channel, listener);
  }

  return { clientId: () => session?.clientId ?? null, dispose };
}
