// The panel's debugging commands and the debugging part of the engine state (docs/debugging.md).
import * as z from 'zod';
import type { BreakpointRule } from './breakpoint-rules';
import { breakpointRuleSchema } from './breakpoint-rules';
import type { MapRemoteRule } from './map-remote';
import { mapRemoteRuleSchema } from './map-remote';
import type { NetworkConditionsState } from './network-conditions';
import { networkConditionsStateSchema } from './network-conditions';

/** A frame as the paused-frame editor sends it back: text, or binary as base64. */
export const editedFrameSchema = z.object({ data: z.string().max(16 * 1024 * 1024), binary: z.boolean() });
export type EditedFrame = z.infer<typeof editedFrameSchema>;

/** What to do with a paused frame: forward it (edited or not), drop it, or forward it and disable its rule. */
export const resumeActionSchema = z.enum(['forward', 'drop', 'forward-and-disable']);
export type ResumeAction = z.infer<typeof resumeActionSchema>;

export const debugCommandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set-breakpoints'), rules: z.array(breakpointRuleSchema).max(200) }),
  z.object({ op: z.literal('resume'), pauseId: z.string().min(1).max(64), action: resumeActionSchema, frame: editedFrameSchema.optional() }),
  z.object({ op: z.literal('set-map-remote'), rules: z.array(mapRemoteRuleSchema).max(200) }),
  z.object({ op: z.literal('set-network'), conditions: networkConditionsStateSchema }),
]);
export type DebugCommand = z.infer<typeof debugCommandSchema>;

/** A frame held by a breakpoint, waiting for the user (or a Playwright route) to decide. */
export interface PausedFrameInfo {
  pauseId: string;
  /** The capture entry ('breakpoint-paused') that shows it in the log. */
  seq: number;
  connectionId: string;
  /** The URL the app asked for. */
  url: string;
  direction: 'in' | 'out';
  data: string;
  binary: boolean;
  /** The rule that paused it ('route:<n>' for a programmatic route). */
  ruleId: string;
  /** Wall time the frame was paused, ms since the epoch. */
  pausedAt: number;
  /** Frames of the same connection and direction waiting behind it. */
  waiting: number;
}

export interface DebuggingState {
  breakpoints: BreakpointRule[];
  paused: PausedFrameInfo[];
  mapRemote: MapRemoteRule[];
  network: NetworkConditionsState;
}

export const EMPTY_DEBUGGING_STATE: DebuggingState = { breakpoints: [], paused: [], mapRemote: [], network: { all: null, perConnection: {} } };
