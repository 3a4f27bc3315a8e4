// A minimal Chrome DevTools Protocol client over `ws`, for driving Chromium the way users run it: it never
// enables the Network domain (Playwright does, and then Chromium reports every WebSocket frame of the page
// to the driver, which halves bridge throughput). Flat sessions only (Target.attachToTarget flatten).
import WebSocket from 'ws';

/** A CDP event: its method, params and the session it came from ('' = the browser itself). */
export type CdpListener = (params: Record<string, unknown>, sessionId: string) => void;

/** One connection to the browser's DevTools endpoint. */
export interface CdpConnection {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  /** Listens to an event of every session; returns the unsubscribe function. */
  on(method: string, listener: CdpListener): () => void;
  close(): void;
}

/** An execution context (a frame's main world or an isolated world) as Runtime reports it. */
export interface CdpContext {
  id: number;
  origin: string;
  sessionId: string;
  frameId: string;
  isDefault: boolean;
}

/** One page target, attached with its own session. */
export interface CdpPage {
  readonly sessionId: string;
  readonly targetId: string;
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Evaluates `expression` (awaiting a promise) and returns its JSON value; throws the page's exception. */
  evaluate<T>(expression: string, context?: CdpContext): Promise<T>;
  /** Navigates and waits for the main frame's load event. */
  navigate(url: string, timeoutMs?: number): Promise<void>;
  /**
   * The main-world context of the first frame whose URL starts with `urlPrefix` (iframes included, in
   * process or not; a sandboxed iframe's context has the opaque origin "null", so frames go by URL).
   */
  frameContext(urlPrefix: string, timeoutMs?: number): Promise<CdpContext>;
  close(): Promise<void>;
}

interface Pending {
  resolve(value: Record<string, unknown>): void;
  reject(error: Error): void;
  method: string;
}

interface CdpReply {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string; data?: string };
}

/** Connects to `webSocketDebuggerUrl` (the browser endpoint printed on Chromium's stderr). */
export function connectCdp(url: string): Promise<CdpConnection> {
  const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<CdpListener>>();
  let nextId = 1;
  let closedError: Error | undefined;

  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as CdpReply;
    if (message.id !== undefined) {
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}${message.error.data ? ` (${message.error.data})` : ''}`));
      else call.resolve(message.result ?? {});
      return;
    }
    if (message.method) listeners.get(message.method)?.forEach((listener) => listener(message.params ?? {}, message.sessionId ?? ''));
  });
  socket.on('close', () => {
    closedError = new Error('the DevTools connection closed');
    pending.forEach((call) => call.reject(closedError as Error));
    pending.clear();
  });

  const connection: CdpConnection = {
    send<T>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
      if (closedError) return Promise.reject(closedError);
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: (value) => resolve(value as T), reject, method });
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      });
    },
    on(method, listener) {
      const set = listeners.get(method) ?? new Set<CdpListener>();
      listeners.set(method, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    close() {
      socket.close();
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(connection));
    socket.once('error', reject);
  });
}

interface FrameTree {
  frame: { id: string; url: string };
  childFrames?: FrameTree[];
}

function findFrame(tree: FrameTree, urlPrefix: string): string | undefined {
  if (tree.frame.url.startsWith(urlPrefix)) return tree.frame.id;
  for (const child of tree.childFrames ?? []) {
    const found = findFrame(child, urlPrefix);
    if (found) return found;
  }
  return undefined;
}

interface EvaluateResult {
  result: { value?: unknown; type: string; description?: string };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

/** Opens a new page (about:blank) and attaches to it; iframes in other processes are attached too. */
export async function openPage(connection: CdpConnection): Promise<CdpPage> {
  const { targetId } = await connection.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await connection.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  const sessions = new Set<string>([sessionId]);
  const contexts = new Map<string, CdpContext>(); // key `${sessionId}:${id}`
  const unsubscribe: (() => void)[] = [];

  unsubscribe.push(
    connection.on('Runtime.executionContextCreated', (params, from) => {
      if (!sessions.has(from)) return;
      const context = params.context as { id: number; origin: string; auxData?: { frameId?: string; isDefault?: boolean } };
      contexts.set(`${from}:${context.id}`, {
        id: context.id,
        origin: context.origin,
        sessionId: from,
        frameId: context.auxData?.frameId ?? '',
        isDefault: context.auxData?.isDefault === true,
      });
    }),
    connection.on('Runtime.executionContextDestroyed', (params, from) => {
      contexts.delete(`${from}:${String(params.executionContextId)}`);
    }),
    connection.on('Runtime.executionContextsCleared', (_params, from) => {
      for (const key of [...contexts.keys()]) if (key.startsWith(`${from}:`)) contexts.delete(key);
    }),
    connection.on('Target.attachedToTarget', (params, from) => {
      if (!sessions.has(from)) return;
      const child = params.sessionId as string;
      sessions.add(child);
      void connection.send('Runtime.enable', {}, child).catch(() => undefined);
      void connection.send('Runtime.runIfWaitingForDebugger', {}, child).catch(() => undefined);
    }),
  );
  await connection.send('Page.enable', {}, sessionId);
  await connection.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, sessionId);

  async function evaluate<T>(expression: string, context?: CdpContext): Promise<T> {
    const reply = await connection.send<EvaluateResult>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true, ...(context ? { contextId: context.id } : {}) },
      context?.sessionId ?? sessionId,
    );
    if (reply.exceptionDetails) throw new Error(`page threw: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return reply.result.value as T;
  }

  return {
    sessionId,
    targetId,
    send: (method, params) => connection.send(method, params, sessionId),
    evaluate,
    async navigate(url, timeoutMs = 30_000) {
      const loaded = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`page did not load ${url} within ${timeoutMs} ms`));
        }, timeoutMs);
        const stop = connection.on('Page.loadEventFired', (_params, from) => {
          if (from !== sessionId) return;
          clearTimeout(timer);
          stop();
          resolve();
        });
      });
      const reply = await connection.send<{ errorText?: string }>('Page.navigate', { url }, sessionId);
      if (reply.errorText) throw new Error(`navigation to ${url} failed: ${reply.errorText}`);
      await loaded;
    },
    async frameContext(urlPrefix, timeoutMs = 15_000) {
      await connection.send('Runtime.enable', {}, sessionId);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // An out-of-process iframe (Chromium isolates sandboxed frames) is the root of its own session.
        for (const session of [...sessions]) {
          const tree = await connection.send<{ frameTree: FrameTree }>('Page.getFrameTree', {}, session).catch(() => undefined);
          const frameId = tree ? findFrame(tree.frameTree, urlPrefix) : undefined;
          const found = [...contexts.values()].find((context) => context.isDefault && context.sessionId === session && context.frameId === frameId);
          if (found) return found;
        }
        if (Date.now() > deadline) throw new Error(`no frame at ${urlPrefix} with a context appeared within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      unsubscribe.forEach((stop) => stop());
      await connection.send('Target.closeTarget', { targetId }).catch(() => undefined);
    },
  };
}
