// One direction of one connection between the wire and the other side (docs/debugging.md#network-conditions,
// docs/debugging.md#frame-breakpoints): frames and control events (open, error, close) leave in the order they
// came, delayed by the emulated network and held by a breakpoint. With no conditions and no rule a frame
// passes straight through, so the common case costs one check.
import type { NetworkConditions } from '../../../shared/debugging/network-conditions';
import { isNeutral } from '../../../shared/debugging/network-conditions';
import type { EditedFrame } from '../../../shared/debugging/debug-wire';

/** The discard reason of a frame the user dropped (a send still answers success: the app cannot tell). */
export const DROPPED_AT_BREAKPOINT = 'dropped at a breakpoint';

export interface GateFrame {
  data: string;
  binary: boolean;
  size: number;
}

/** How a paused frame was resolved. */
export type PauseDecision = { action: 'forward'; frame?: EditedFrame } | { action: 'drop' };

/** What the gate asks of its owner. */
export interface FrameGateHooks {
  conditions(): NetworkConditions | undefined;
  /** The id of the breakpoint rule that holds this frame, or undefined. */
  breakpointFor(frame: GateFrame): string | undefined;
  /** Holds a frame until `resolve` is called; returns a cancel for when the connection ends first. */
  pause(frame: GateFrame, ruleId: string, waiting: () => number, resolve: (decision: PauseDecision) => void): (why: string) => void;
  /** Emulated loss hit this frame: the connection drops (the frame is lost with it). */
  lose(): void;
  monotonic(): number;
  random(): number;
}

interface Item {
  /** Absent for control events (never paused, never lost). */
  frame?: GateFrame;
  due: number;
  checked: boolean;
  pass(frame: GateFrame | undefined, edited: boolean): void;
  discard(why: string): void;
}

export interface FrameGate {
  /** A frame: `pass` gets it (maybe edited) when it may go on; `discard` when it never will. */
  frame(frame: GateFrame, pass: (frame: GateFrame, edited: boolean) => void, discard: (why: string) => void): void;
  /** An event that must keep its place behind the frames before it. */
  control(run: () => void): void;
  /** The connection ended: everything held is discarded, later items are discarded at once. */
  end(why: string): void;
  waiting(): number;
}

/** The delay of one item under `conditions`, given when the link is next free (bandwidth), in ms from now. */
function delayOf(conditions: NetworkConditions, direction: 'in' | 'out', size: number, random: number): { delay: number; transmit: number } {
  const latency = direction === 'in' ? conditions.latencyInMs : conditions.latencyOutMs;
  const jitter = conditions.jitterMs === 0 ? 0 : (random * 2 - 1) * conditions.jitterMs;
  const transmit = conditions.bandwidthKbps > 0 ? (size * 8) / conditions.bandwidthKbps : 0;
  return { delay: Math.max(0, latency + jitter), transmit };
}

export function createFrameGate(direction: 'in' | 'out', hooks: FrameGateHooks): FrameGate {
  const queue: Item[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelPause: ((why: string) => void) | undefined;
  let lastDue = 0;
  let linkFreeAt = 0;
  let ended: string | undefined;

  function dueOf(size: number): number {
    const conditions = hooks.conditions();
    const now = hooks.monotonic();
    if (isNeutral(conditions) || !conditions) return Math.max(now, lastDue);
    const { delay, transmit } = delayOf(conditions, direction, size, hooks.random());
    const sent = Math.max(now, linkFreeAt) + transmit;
    linkFreeAt = sent;
    lastDue = Math.max(sent + delay, lastDue);
    return lastDue;
  }

  function pump(): void {
    while (queue.length > 0 && timer === undefined && cancelPause === undefined) {
      const head = queue[0] as Item;
      if (head.frame && !head.checked) {
        head.checked = true;
        const ruleId = hooks.breakpointFor(head.frame);
        if (ruleId !== undefined) {
          let settled = false;
          const cancel = hooks.pause(head.frame, ruleId, () => queue.length - 1, (decision) => {
            settled = true;
            cancelPause = undefined;
            if (decision.action === 'drop') {
              queue.shift();
              head.discard(DROPPED_AT_BREAKPOINT);
            } else if (decision.frame) {
              const size = decision.frame.binary ? Math.floor((decision.frame.data.length * 3) / 4) : new TextEncoder().encode(decision.frame.data).length;
              head.frame = { ...decision.frame, size };
              head.pass = wrapEdited(head.pass);
            }
            pump();
          });
          if (!settled) cancelPause = cancel;
          return;
        }
      }
      const wait = head.due - hooks.monotonic();
      if (wait > 0) {
        timer = setTimeout(() => {
          timer = undefined;
          pump();
        }, wait);
        return;
      }
      queue.shift();
      head.pass(head.frame, false);
    }
  }

  /** After an edit, `pass` reports the frame as edited. */
  function wrapEdited(pass: Item['pass']): Item['pass'] {
    return (frame) => pass(frame, true);
  }

  function enqueue(item: Item): void {
    queue.push(item);
    pump();
  }

  return {
    frame(frame, pass, discard) {
      if (ended !== undefined) return discard(ended);
      const conditions = hooks.conditions();
      if (conditions && conditions.lossPercent > 0 && hooks.random() * 100 < conditions.lossPercent) {
        discard('lost with the connection (emulated loss)');
        hooks.lose();
        return;
      }
      if (queue.length === 0 && isNeutral(conditions) && hooks.breakpointFor(frame) === undefined) {
        pass(frame, false);
        return;
      }
      enqueue({ frame, due: dueOf(frame.size), checked: false, pass: (out, edited) => pass(out ?? frame, edited), discard });
    },
    control(run) {
      if (ended !== undefined) return;
      if (queue.length === 0 && isNeutral(hooks.conditions())) {
        run();
        return;
      }
      enqueue({ due: dueOf(0), checked: true, pass: run, discard: () => undefined });
    },
    end(why) {
      if (ended !== undefined) return;
      ended = why;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      cancelPause?.(why);
      cancelPause = undefined;
      for (const item of queue.splice(0)) item.discard(why);
    },
    waiting: () => queue.length,
  };
}
