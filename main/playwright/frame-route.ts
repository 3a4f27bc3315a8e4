// `sockets.route`: frame breakpoints for tests (docs/debugging.md), in the spirit of Playwright's own
// `routeWebSocket`. A matching frame is held before it reaches the app (`in`) or the server (`out`) until
// the handler forwards it (maybe changed) or drops it; frames behind it on the same connection and
// direction wait in order, as with the panel's breakpoints.
import type { FrameForMatch } from '../../shared/debugging/breakpoint-rules';
import type { RoutedFrame } from '../core/debugging/debug-controller';
import type { Engine } from '../core/ports';

/** Which frames a route holds; every given field must hold (payload: string equal, RegExp test). */
export interface FrameRouteMatch {
  direction?: 'in' | 'out';
  connectionId?: string;
  /** Text as is, binary as base64 (as the capture keeps it). */
  payload?: string | RegExp;
}

/** A held frame: its payload and where it was going, and what to do with it. */
export interface RoutedSocketFrame {
  readonly connectionId: string;
  readonly direction: 'in' | 'out';
  readonly payload: string;
  readonly binary: boolean;
  /** Sends the frame on, or `payload` instead (binary: base64). */
  forward(payload?: string, options?: { binary?: boolean }): void;
  drop(): void;
}

export type FrameRouteHandler = (frame: RoutedSocketFrame) => void | Promise<void>;

export function frameRouteMatches(frame: FrameForMatch, match: FrameRouteMatch): boolean {
  if (match.direction !== undefined && frame.direction !== match.direction) return false;
  if (match.connectionId !== undefined && frame.connectionId !== match.connectionId) return false;
  if (match.payload === undefined) return true;
  if (typeof match.payload === 'string') return frame.data === match.payload;
  match.payload.lastIndex = 0;
  return match.payload.test(frame.data);
}

/** Installs the route on the engine; returns its removal. A handler that throws drops nothing: it forwards. */
export function installFrameRoute(engine: Engine, match: FrameRouteMatch, handler: FrameRouteHandler): () => void {
  return engine.debug.route(
    (frame) => frameRouteMatches(frame, match),
    (held: RoutedFrame) => {
      let settled = false;
      const once = (action: () => void): void => {
        if (settled) return;
        settled = true;
        action();
      };
      const frame: RoutedSocketFrame = {
        connectionId: held.info.connectionId,
        direction: held.info.direction,
        payload: held.info.data,
        binary: held.info.binary,
        forward: (payload, options) => once(() => held.forward(payload === undefined ? undefined : { data: payload, binary: options?.binary ?? held.info.binary })),
        drop: () => once(() => held.drop()),
      };
      Promise.resolve()
        .then(() => handler(frame))
        .catch(() => undefined)
        .finally(() => once(() => held.forward()));
    },
  );
}
