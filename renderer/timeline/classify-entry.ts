// What a capture entry becomes on the timeline: part of a lane's message-density histogram, one marker,
// or nothing. Kept pure so the rules are unit-tested and shared by the timeline and the warnings list.
import type { CaptureEntry } from '../../shared/capture';
import { OPCODE } from '../../shared/capture';

/** Marker kinds, lowest drawing priority first (a later kind is drawn on top). */
export const MARKER_KINDS = ['lifecycle', 'call', 'open', 'close', 'network', 'app', 'warning', 'error'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export type EntryRole =
  | { role: 'density'; direction: 'in' | 'out' }
  | { role: 'marker'; kind: MarkerKind }
  | { role: 'none' };

const SEND_CALL = /^(sendSocketMessage|send|SocketTask\.send)$/;
const CLOSED_EVENT = /^(close|closed)$/;
/** Emulated network changes and the drops they cause (docs/debugging.md#network-conditions). */
const NETWORK_EVENT = /^network-(conditions|drop)$/;
/** Background, foreground and the forced close of the app's sockets (docs/behaviour.md#app-life-background-and-foreground). */
const APP_EVENT = /^app-(background|foreground|background-close)$/;

// Shared, frozen roles: classifying a flood's frames allocates nothing.
const DENSITY_IN: EntryRole = Object.freeze({ role: 'density', direction: 'in' });
const DENSITY_OUT: EntryRole = Object.freeze({ role: 'density', direction: 'out' });
const NONE: EntryRole = Object.freeze({ role: 'none' });
const MARKER = Object.fromEntries(MARKER_KINDS.map((kind) => [kind, Object.freeze({ role: 'marker', kind })])) as Record<MarkerKind, EntryRole>;

/** Decides the role of one entry (see the module comment). */
export function classifyEntry(entry: CaptureEntry): EntryRole {
  switch (entry.kind) {
    case 'frame':
      if (entry.opcode === OPCODE.close || entry.name === 'close') return MARKER.close;
      if (entry.opcode === OPCODE.ping || entry.opcode === OPCODE.pong) return NONE;
      return entry.direction === 'out' ? DENSITY_OUT : DENSITY_IN;
    case 'call':
      // Sends are as frequent as frames; the density histogram shows them, a failed send shows as its result.
      return SEND_CALL.test(entry.name) ? NONE : MARKER.call;
    case 'result':
      return isFailedResult(entry) ? MARKER.error : NONE;
    case 'lifecycle':
      if (entry.name === 'open') return MARKER.open;
      if (CLOSED_EVENT.test(entry.name)) return MARKER.close;
      if (NETWORK_EVENT.test(entry.name)) return MARKER.network;
      if (APP_EVENT.test(entry.name)) return MARKER.app;
      return MARKER.lifecycle;
    case 'error':
      return MARKER.error;
    case 'warning':
      return MARKER.warning;
    case 'http':
      return entry.errorCode !== undefined ? MARKER.error : MARKER.call;
    default:
      return NONE;
  }
}

/** A `fail` answer to a `my` call. */
export function isFailedResult(entry: CaptureEntry): boolean {
  return entry.kind === 'result' && (entry.errorCode !== undefined || entry.name === 'fail' || entry.detail?.ok === false);
}

/** Entries the warnings list shows: API-misuse warnings, error events, failed calls and failed my.request calls. */
export function isProblem(entry: CaptureEntry): boolean {
  return entry.kind === 'warning' || entry.kind === 'error' || isFailedResult(entry) || (entry.kind === 'http' && entry.errorCode !== undefined);
}

/** The WebSocket close code an entry carries, if any (lifecycle close or close frame). */
export function closeCodeOf(entry: CaptureEntry): number | undefined {
  const detail = entry.detail;
  if (!detail) return undefined;
  for (const key of ['codeReceived', 'code', 'closeCode'] as const) {
    const value = detail[key];
    if (typeof value === 'number') return value;
  }
  return undefined;
}

/** The close reason an entry carries, if any. */
export function closeReasonOf(entry: CaptureEntry): string | undefined {
  const detail = entry.detail;
  if (!detail) return undefined;
  for (const key of ['reasonReceived', 'reason', 'closeReason'] as const) {
    const value = detail[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** The URL an entry names (connect options or handshake details), if any. */
export function urlOf(entry: CaptureEntry): string | undefined {
  const detail = entry.detail;
  if (!detail) return undefined;
  if (typeof detail.url === 'string') return detail.url;
  const options = detail.options;
  if (options && typeof options === 'object' && !Array.isArray(options) && typeof options.url === 'string') return options.url;
  return undefined;
}
