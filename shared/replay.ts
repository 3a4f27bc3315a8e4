// A recorded connection as a script the lab's replay endpoint plays back to whoever connects: the messages
// the server sent (text and binary) with their times since the open, the messages the app sent (matched in
// order when asked), and how the connection ended. Built from capture entries (the live capture in main,
// an imported HAR in the panel) and validated with its schema where it enters main.
import * as z from 'zod';
import type { CaptureEntry } from './capture';
import { OPCODE } from './capture';

/** Longest text or base64 payload one step may carry (the capture's own payload cap is 1 MiB). */
export const MAX_REPLAY_PAYLOAD_CHARS = 16 * 1024 * 1024;
/** Most steps one recording may carry. */
export const MAX_REPLAY_STEPS = 1_000_000;

export const replayStepSchema = z.object({
  /** 'in' = the server sent it (the replay sends it); 'out' = the app sent it (expected when matching). */
  direction: z.enum(['in', 'out']),
  kind: z.enum(['text', 'binary']),
  /** Text as is; binary as base64. */
  data: z.string().max(MAX_REPLAY_PAYLOAD_CHARS),
  /** ms since the connection opened in the recording. */
  atMs: z.number().finite().nonnegative(),
  /** The capture kept only the start of this payload: the replay sends what was kept. */
  truncated: z.boolean().optional(),
});
export type ReplayStep = z.infer<typeof replayStepSchema>;

export const replayEndSchema = z.discriminatedUnion('kind', [
  /** The server closed first: the replay closes with this code (none = a close frame without status, 1005). */
  z.object({ kind: z.literal('server-close'), code: z.number().int().min(1000).max(4999).optional(), reason: z.string().max(1000), atMs: z.number().finite().nonnegative() }),
  /** The app closed first: the replay waits for the client to close. */
  z.object({ kind: z.literal('client-close'), atMs: z.number().finite().nonnegative() }),
  /** The connection was lost without a close frame (1006): the replay drops the TCP connection. */
  z.object({ kind: z.literal('drop'), atMs: z.number().finite().nonnegative() }),
  /** Still open when recorded (or the recording does not say): the replay stays open. */
  z.object({ kind: z.literal('open') }),
]);
export type ReplayEnd = z.infer<typeof replayEndSchema>;

export const replayRecordingSchema = z.object({
  /** What the panel lists, e.g. "s1 ws://127.0.0.1:4000/echo". */
  label: z.string().max(500),
  /** The URL the recorded connection used. */
  url: z.string().max(8192),
  /** The subprotocol the recorded server chose ('' = none). */
  protocol: z.string().max(1000),
  steps: z.array(replayStepSchema).max(MAX_REPLAY_STEPS),
  end: replayEndSchema,
});
export type ReplayRecording = z.infer<typeof replayRecordingSchema>;

export const replayOptionsSchema = z.object({
  /** Time compression: 1 = original timing, 10 = ten times faster; 0 = as fast as possible. */
  speed: z.number().finite().min(0).max(10_000),
  /** Wait for each message the app sent in the recording and close with 1008 when it differs. */
  matchSent: z.boolean(),
});
export type ReplayOptions = z.infer<typeof replayOptionsSchema>;

/** Where a replay's connections stand (the newest one). */
export type ReplayPlayState = 'playing' | 'done' | 'mismatch' | 'client-closed';

/** One play of a replay: one client connection to its endpoint. */
export interface ReplayPlay {
  state: ReplayPlayState;
  /** Recorded server messages sent so far. */
  sent: number;
  /** Recorded app messages the client matched (when matching). */
  matched: number;
  /** Why it ended, in words (mismatch details, the close code used). */
  detail: string;
}

/** A registered replay endpoint, as the panel lists it. */
export interface ReplayEndpoint {
  id: string;
  /** ws://127.0.0.1:<port>/replay/<id> */
  url: string;
  label: string;
  /** The URL of the recorded connection. */
  recordedUrl: string;
  /** Server messages the replay sends, app messages it expects. */
  serverMessages: number;
  appMessages: number;
  truncated: number;
  end: ReplayEnd;
  options: ReplayOptions;
  /** Connections served so far, and the newest one. */
  plays: number;
  lastPlay?: ReplayPlay;
}

export type RecordingResult = { ok: true; recording: ReplayRecording } | { ok: false; error: string };

/** The recording of `connectionId` from capture entries in seq order (other connections' entries are skipped). */
export function recordingFromEntries(connectionId: string, entries: Iterable<CaptureEntry>): RecordingResult {
  const own: CaptureEntry[] = [];
  for (const entry of entries) if (entry.connectionId === connectionId) own.push(entry);
  if (own.length === 0) return { ok: false, error: `the capture holds nothing of connection ${connectionId}` };
  const lifecycle = (name: string) => own.find((entry) => entry.kind === 'lifecycle' && entry.name === name);
  const open = lifecycle('open');
  if (!open) return { ok: false, error: `connection ${connectionId} never opened (or its open step is no longer held): there is nothing to replay` };
  const since = (entry: CaptureEntry) => Math.max(0, entry.monoTime - open.monoTime);
  const steps: ReplayStep[] = [];
  for (const entry of own) {
    if (entry.kind !== 'frame' || (entry.direction !== 'in' && entry.direction !== 'out')) continue;
    if (entry.opcode !== OPCODE.text && entry.opcode !== OPCODE.binary) continue;
    const step: ReplayStep = { direction: entry.direction, kind: entry.opcode === OPCODE.binary ? 'binary' : 'text', data: entry.payload ?? '', atMs: since(entry) };
    if (entry.truncated) step.truncated = true;
    steps.push(step);
  }
  const connecting = lifecycle('connecting');
  const url = stringDetail(connecting, 'url') ?? stringDetail(open, 'url') ?? '';
  return {
    ok: true,
    recording: { label: `${connectionId} ${url}`.trim(), url, protocol: stringDetail(open, 'protocol') ?? '', steps, end: endOf(own, since) },
  };
}

function endOf(own: CaptureEntry[], since: (entry: CaptureEntry) => number): ReplayEnd {
  const closed = own.find((entry) => entry.kind === 'lifecycle' && entry.name === 'closed');
  const firstClose = own.find((entry) => entry.kind === 'frame' && entry.opcode === OPCODE.close && entry.direction !== 'none');
  const by = stringDetail(closed, 'closedFirstBy');
  if (closed && by === 'network') return { kind: 'drop', atMs: since(closed) };
  const serverFirst = closed ? by === 'server' : firstClose?.direction === 'in';
  if (serverFirst) {
    const frame = own.find((entry) => entry.kind === 'frame' && entry.opcode === OPCODE.close && entry.direction === 'in');
    const code = numberDetail(frame, 'code') ?? numberDetail(closed, 'codeReceived');
    const reason = stringDetail(frame, 'reason') ?? stringDetail(closed, 'reasonReceived') ?? '';
    const end: ReplayEnd = { kind: 'server-close', reason, atMs: since(frame ?? (closed as CaptureEntry)) };
    if (code !== undefined && code !== 1005 && code >= 1000 && code <= 4999) end.code = code;
    return end;
  }
  if (closed || firstClose) return { kind: 'client-close', atMs: since(firstClose ?? (closed as CaptureEntry)) };
  return { kind: 'open' };
}

function stringDetail(entry: CaptureEntry | undefined, key: string): string | undefined {
  const value = entry?.detail?.[key];
  return typeof value === 'string' ? value : undefined;
}

function numberDetail(entry: CaptureEntry | undefined, key: string): number | undefined {
  const value = entry?.detail?.[key];
  return typeof value === 'number' ? value : undefined;
}

/** The body of a `replay-list` reply. */
export interface ReplayList {
  /** Changes whenever the list or a play's progress changes. */
  version: number;
  replays: ReplayEndpoint[];
}
