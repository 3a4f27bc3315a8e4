// The `sockets` fixture: the live capture of the test's engine, read and driven in the test's process.
import type { CaptureEntry } from '../../shared/capture';
import type { Har } from '../../shared/har';
import type { InjectRequest } from '../../shared/inject';
import type { ConnectionState } from '../../shared/panel-wire';
import { exportHar, exportJsonl } from '../core/capture-export';
import type { Engine } from '../core/ports';
import { describeEntry, describeMatch, entryMatches, type EntryMatch } from './entry-match';
import { installFrameRoute, type FrameRouteHandler, type FrameRouteMatch } from './frame-route';

/** A connection of the mini-app (or the panel) as the engine sees it. */
export interface SocketConnection {
  id: string;
  clientId: string;
  url: string;
  state: ConnectionState;
  protocol: string;
  closeCode?: number;
  closeReason?: string;
}

export interface WaitForOptions {
  /** Milliseconds; default: the project's `expect` timeout (5000 when unset). */
  timeout?: number;
}

export interface Sockets {
  /** The first entry, captured already or still to come, matching `match`; rejects when the timeout passes. */
  waitFor(match: EntryMatch, options?: WaitForOptions): Promise<CaptureEntry>;
  /** Every held entry matching `match` (all without one), in capture order. */
  entries(match?: EntryMatch): Promise<CaptureEntry[]>;
  connections(): Promise<SocketConnection[]>;
  /** Empties the capture (as the panel's Clear does). */
  clear(): Promise<void>;
  /** The capture as a HAR 1.2 object, as /api/capture.har gives it. */
  har(): Promise<Har>;
  /** The capture as JSONL text, as /api/capture.jsonl gives it. */
  jsonl(): Promise<string>;
  /** Puts a frame on an OPEN connection; resolves with its capture entry (docs/behaviour.md#frame-injection). */
  inject(request: InjectRequest): Promise<CaptureEntry>;
  /** Closes a live connection as the panel's force-close does; resolves once it is CLOSED. */
  forceClose(request: { connectionId: string; code?: number; reason?: string }, options?: WaitForOptions): Promise<void>;
  /**
   * Holds every frame matching `match` before it reaches the app or the server and hands it to `handler`,
   * which forwards it (maybe changed) or drops it; a handler that returns without deciding forwards it
   * unchanged. Resolves with the route's removal (docs/debugging.md#frame-breakpoints).
   */
  route(match: FrameRouteMatch, handler: FrameRouteHandler): Promise<() => void>;
}

/** How many recent entries a timeout message lists. */
const ENTRIES_IN_MESSAGE = 15;

export function createSockets(engine: Engine, defaultTimeoutMs: number): Sockets {
  const { capture } = engine;
  const all = (): CaptureEntry[] => [...capture.from(0)];

  function waitFor(match: EntryMatch, options: WaitForOptions = {}): Promise<CaptureEntry> {
    const timeoutMs = options.timeout ?? defaultTimeoutMs;
    return new Promise((resolve, reject) => {
      let nextSeq = 0;
      const scan = (): CaptureEntry | undefined => {
        for (const entry of capture.from(nextSeq)) {
          nextSeq = entry.seq + 1;
          if (entryMatches(entry, match)) return entry;
        }
        return undefined;
      };
      const settle = (): void => {
        const found = scan();
        if (!found) return;
        stop();
        resolve(found);
      };
      const timer = setTimeout(() => {
        stop();
        const seen = all().slice(-ENTRIES_IN_MESSAGE).map(describeEntry);
        reject(new Error(`sockets.waitFor(${describeMatch(match)}) timed out after ${timeoutMs} ms; the last ${seen.length} entries:\n  ${seen.join('\n  ') || '(none)'}`));
      }, timeoutMs);
      const unsubscribe = capture.onChange(() => {
        if (capture.nextSeq() < nextSeq) nextSeq = 0; // cleared: what comes next starts over
        settle();
      });
      function stop(): void {
        clearTimeout(timer);
        unsubscribe();
      }
      settle();
    });
  }

  return {
    waitFor,
    entries: async (match) => all().filter((entry) => match === undefined || entryMatches(entry, match)),
    async connections() {
      return engine.state().connections.map((info) => ({
        id: info.connectionId,
        clientId: info.clientId,
        url: info.url,
        state: info.state,
        protocol: info.protocol,
        ...(info.closeCode !== undefined ? { closeCode: info.closeCode } : {}),
        ...(info.closeReason !== undefined ? { closeReason: info.closeReason } : {}),
      }));
    },
    async clear() {
      capture.clear();
    },
    har: async () => JSON.parse(exportHar(capture)) as Har,
    jsonl: async () => exportJsonl(capture),
    async inject(request) {
      const outcome = engine.inject(request);
      if (!outcome.ok) throw new Error(`sockets.inject refused: ${outcome.reason}`);
      const entry = capture.get(outcome.seq);
      if (!entry) throw new Error(`sockets.inject: entry ${outcome.seq} is no longer held`);
      return entry;
    },
    async forceClose({ connectionId, code, reason }, options) {
      const live = engine.state().connections.find((info) => info.connectionId === connectionId && info.state !== 'CLOSED');
      if (!live) throw new Error(`sockets.forceClose: no live connection ${connectionId}`);
      const closed = waitFor({ kind: 'lifecycle', name: 'closed', connectionId }, options);
      engine.forceClose(connectionId, code, reason);
      await closed;
    },
    route: async (match, handler) => installFrameRoute(engine, match, handler),
  };
}
