// The engine's debugging state (docs/debugging.md): breakpoint rules and programmatic routes, the frames they
// hold, map-remote rules and network conditions. Each connection attaches here and gets its two frame gates.
import type { Json } from '../../../shared/json';
import type { BreakpointRule, FrameForMatch } from '../../../shared/debugging/breakpoint-rules';
import { compileBreakpoints } from '../../../shared/debugging/breakpoint-rules';
import type { DebugCommand, DebuggingState, EditedFrame, PausedFrameInfo, ResumeAction } from '../../../shared/debugging/debug-wire';
import type { MapRemoteRule } from '../../../shared/debugging/map-remote';
import { mapRemoteUrl } from '../../../shared/debugging/map-remote';
import type { NetworkConditionsState } from '../../../shared/debugging/network-conditions';
import { conditionsFor } from '../../../shared/debugging/network-conditions';
import type { CaptureLog, Clock } from '../ports';
import type { FrameGate, GateFrame, PauseDecision } from './frame-gate';
import { createFrameGate } from './frame-gate';

/** A frame held by a programmatic route: the handler forwards it (maybe changed) or drops it. */
export interface RoutedFrame {
  readonly info: PausedFrameInfo;
  forward(frame?: EditedFrame): void;
  drop(): void;
}

/** What a connection tells the controller when it attaches. */
export interface DebugLink {
  connectionId: string;
  clientId: string;
  /** The URL the app asked for (rules match it, not the dialled one). */
  url: string;
  /** The subprotocol the server chose ('' before open or for none): decoded-field rules detect the decoder with it. */
  protocol(): string;
  /** Ends the connection as a lost network would (error 1, close 1006). */
  drop(why: string): void;
}

export interface ConnectionDebugging {
  readonly inbound: FrameGate;
  readonly outbound: FrameGate;
  /** The connection ended: network changes no longer reach it. */
  detach(): void;
}

export interface DebugController {
  attach(link: DebugLink): ConnectionDebugging;
  /** The URL to dial for the URL an app asked for (its sockets and its `my.request`). */
  mapUrl(url: string): { url: string; rule?: MapRemoteRule };
  /** Would a new connect on this connection id be offline? */
  offlineFor(connectionId: string): boolean;
  command(command: DebugCommand): void;
  resume(pauseId: string, action: ResumeAction, frame?: EditedFrame): boolean;
  /** Installs a programmatic route (the Playwright `sockets.route`); returns its removal. */
  route(match: (frame: FrameForMatch) => boolean, handler: (frame: RoutedFrame) => void): () => void;
  state(): DebuggingState;
}

export interface DebugControllerOptions {
  capture: CaptureLog;
  clock: Clock;
  stateChanged(): void;
  /** The conditions for all connections changed (the engine tells every client's `my`). */
  networkChanged?(): void;
  initial?: { mapRemote?: MapRemoteRule[]; network?: NetworkConditionsState; breakpoints?: BreakpointRule[] };
  random?: () => number;
}

interface Held {
  info: PausedFrameInfo;
  waiting: () => number;
  resolve(decision: PauseDecision): void;
}

export function createDebugController(options: DebugControllerOptions): DebugController {
  const { capture, clock, stateChanged } = options;
  const random = options.random ?? Math.random;
  let breakpoints: BreakpointRule[] = options.initial?.breakpoints ?? [];
  let mapRemote: MapRemoteRule[] = options.initial?.mapRemote ?? [];
  let network: NetworkConditionsState = options.initial?.network ?? { all: null, perConnection: {} };
  const routes = new Map<string, { match: (frame: FrameForMatch) => boolean; handler: (frame: RoutedFrame) => void }>();
  let matcher = compileBreakpoints(breakpoints);
  const held = new Map<string, Held>();
  const links = new Map<string, DebugLink>();
  let pauses = 0;
  let routeIds = 0;

  function log(link: DebugLink, name: string, direction: 'in' | 'out' | 'none', detail: Record<string, Json>, frame?: GateFrame): number {
    return capture.append({ clientId: link.clientId, connectionId: link.connectionId, kind: 'lifecycle', name, direction, size: frame?.size ?? 0, ...(frame ? { payload: frame.data, binary: frame.binary } : {}), detail }).seq;
  }

  function ruleFor(frame: FrameForMatch): string | undefined {
    const byRule = matcher?.(frame);
    if (byRule !== undefined) return byRule;
    for (const [id, route] of routes) if (route.match(frame)) return id;
    return undefined;
  }

  function applyNetwork(): void {
    capture.append({ clientId: '', connectionId: '', kind: 'lifecycle', name: 'network-conditions', direction: 'none', size: 0, detail: { all: network.all, perConnection: network.perConnection } });
    for (const link of links.values()) if (conditionsFor(network, link.connectionId)?.offline) link.drop('the network went offline');
  }

  function resume(pauseId: string, action: ResumeAction, frame?: EditedFrame): boolean {
    const entry = held.get(pauseId);
    if (!entry) return false;
    if (action === 'forward-and-disable') {
      breakpoints = breakpoints.map((rule) => (rule.id === entry.info.ruleId ? { ...rule, enabled: false } : rule));
      matcher = compileBreakpoints(breakpoints);
      routes.delete(entry.info.ruleId);
    }
    entry.resolve(action === 'drop' ? { action: 'drop' } : { action: 'forward', ...(frame ? { frame } : {}) });
    return true;
  }

  function gate(link: DebugLink, direction: 'in' | 'out'): FrameGate {
    return createFrameGate(direction, {
      conditions: () => conditionsFor(network, link.connectionId),
      breakpointFor: (frame) => (matcher || routes.size > 0 ? ruleFor({ connectionId: link.connectionId, url: link.url, direction, data: frame.data, binary: frame.binary, protocol: link.protocol() }) : undefined),
      pause(frame, ruleId, waiting, resolve) {
        pauses += 1;
        const pauseId = `p${pauses}`;
        const seq = log(link, 'breakpoint-paused', direction, { pauseId, ruleId }, frame);
        const info: PausedFrameInfo = { pauseId, seq, connectionId: link.connectionId, url: link.url, direction, data: frame.data, binary: frame.binary, ruleId, pausedAt: clock.now(), waiting: waiting() };
        held.set(pauseId, {
          info,
          waiting,
          resolve(decision) {
            held.delete(pauseId);
            const edited = decision.action === 'forward' && decision.frame !== undefined && (decision.frame.data !== frame.data || decision.frame.binary !== frame.binary);
            if (decision.action === 'drop') log(link, 'breakpoint-dropped', direction, { pauseId, ruleId });
            else log(link, 'breakpoint-forwarded', direction, { pauseId, ruleId, edited }, edited && decision.frame ? { ...decision.frame, size: decision.frame.data.length } : undefined);
            stateChanged();
            resolve(decision);
          },
        });
        stateChanged();
        const route = routes.get(ruleId);
        if (route) {
          route.handler({ info, forward: (edited) => void resume(pauseId, 'forward', edited), drop: () => void resume(pauseId, 'drop') });
        }
        return (why) => {
          if (!held.delete(pauseId)) return;
          log(link, 'breakpoint-dropped', direction, { pauseId, ruleId, why });
          stateChanged();
        };
      },
      lose: () => link.drop('emulated packet loss'),
      monotonic: () => clock.monotonic(),
      random,
    });
  }

  return {
    attach(link) {
      links.set(link.connectionId, link);
      const debugging: ConnectionDebugging = {
        inbound: gate(link, 'in'),
        outbound: gate(link, 'out'),
        detach: () => links.delete(link.connectionId),
      };
      return debugging;
    },
    mapUrl: (url) => mapRemoteUrl(url, mapRemote),
    offlineFor: (connectionId) => conditionsFor(network, connectionId)?.offline === true,
    command(command) {
      switch (command.op) {
        case 'set-breakpoints':
          breakpoints = command.rules;
          matcher = compileBreakpoints(breakpoints);
          break;
        case 'resume':
          resume(command.pauseId, command.action, command.frame);
          return;
        case 'set-map-remote':
          mapRemote = command.rules;
          break;
        case 'set-network':
          network = command.conditions;
          applyNetwork();
          options.networkChanged?.();
          break;
      }
      stateChanged();
    },
    resume,
    route(match, handler) {
      routeIds += 1;
      const id = `route:${routeIds}`;
      routes.set(id, { match, handler });
      return () => routes.delete(id);
    },
    state: () => ({
      breakpoints: breakpoints.map((rule) => ({ ...rule })),
      paused: [...held.values()].map((entry) => ({ ...entry.info, waiting: entry.waiting() })),
      mapRemote: mapRemote.map((rule) => ({ ...rule })),
      network: { all: network.all, perConnection: { ...network.perConnection } },
    }),
  };
}
