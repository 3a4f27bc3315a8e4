// A send between the connection and the outbound gate (docs/architecture.md#the-send-paths-cost): what the
// gate sees, and one end function for every send instead of a closure per send.
import type { GateFrame } from './debugging/frame-gate';
import type { OutgoingMessage } from './send-rules';

/**
 * The end of one send: its token (what the sender needs to answer), the write error if any, the message and
 * its connection. One function serves every send, so a send allocates no closure of its own
 * (docs/architecture.md#the-send-paths-cost).
 */
export type WriteDone<T> = (token: T, error: Error | undefined, message: OutgoingMessage, connectionId: string) => void;

/** A send on its way through the outbound gate: the frame the gate sees, and what its end needs. */
export interface OutgoingWire extends GateFrame {
  message: OutgoingMessage;
  token: unknown;
  done: WriteDone<unknown>;
}

/** `ws` send options, made once. */
export const AS_BINARY = { binary: true } as const;
export const AS_TEXT = { binary: false } as const;
