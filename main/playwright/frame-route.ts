// `sockets.route`: frame breakpoints for tests (docs/debugging.md), in the spirit of Playwright's own
// `routeWebSocket`. A matching frame is held before it reaches the app (`in`) or the server (`out`) until
// the handler forwards it (maybe changed) or drops it; frames behind it on the same connection and
// direction wait in order, as with the panel's breakpoints.
import type { DecodedField, FrameForMatch, SimpleDecoder } from '../../shared/debugging/breakpoint-rules';
import { decodedFieldMatcher } from '../../shared/debugging/breakpoint-rules';
import type { RoutedFrame } from '../core/debugging/debug-controller';
import type { Engine } from '../core/ports';

/** Which frames a route holds; every given field must hold (payload: string equal, RegExp test). */
export interface FrameRouteMatch {
  direction?: 'in' | 'out';
  connectionId?: string;
  /** Text as is, binary as base64 (as the capture keeps it). */
  payload?: string | RegExp;
  /** A decoded field (Socket.IO event, MQTT topic / STOMP destination, packet type) matches (docs/debugging.md#frame-breakpoints). */
  decoded?: { field: DecodedField; pattern: RegExp; decoder?: SimpleDecoder };
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

export function frameRouteMatches(frame: FrameForMatch, match: FrameRouteMatch, decodedMatches?: (frame: FrameForMatch) => boolean): boolean {
  if (match.direction !== undefined && frame.direction !== match.direction) return false;
  if (match.connectionId !== undefined && frame.connectionId !== match.connectionId) return false;
  if (typeof match.payload === 'string' && frame.data !== match.payload) return false;
  if (match.payload instanceof RegExp) {
    match.payload.lastIndex = 0;
    if (!match.payload.test(frame.data)) return false;
  }
  // Decoding last: it is the dearest test.
  return decodedMatches === undefined || decodedMatches(frame);
}

/** Installs the route on the engine; returns its removal. A handler that throws drops nothing: it forwards. */
export function installFrameRoute(engine: Engine, match: FrameRouteMatch, handler: FrameRouteHandler): () => void {
  const decodedMatches = match.decoded && decodedFieldMatcher(match.decoded.field, match.decoded.pattern, match.decoded.decoder);
  return engine.debug.route(
    (frame) => frameRouteMatches(frame, match, decodedMatches),
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
