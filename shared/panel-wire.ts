// The contract between the panel (renderer) and the engine's process. Inbound messages are validated
// with these schemas where they enter main; outbound ones are typed only (main is trusted).
import * as z from 'zod';
import type { AppJsonSettings } from './app-json';
import type { CaptureEntry, CaptureStats } from './capture';
import { injectRequestSchema } from './inject';
import type { EngineMessage } from './my-wire';
import type { PreviewInfo } from './preview-wire';
import { panelPreferencesSchema, type PanelPreferences } from './panel-preferences';
import { decoderChoiceSchema, decoderChoicesSchema } from './decoders/decoder-choice-schema';
import { clientMessageSchema, storageWriteSchema, type ReportedPage } from './my-wire';
import { replayOptionsSchema, replayRecordingSchema } from './replay';
import { MAX_SESSION_READ, sessionIdSchema } from './session-wire';
import type { EngineSettings } from './settings';
import type { DebuggingState } from './debugging/debug-wire';
import { debugCommandSchema } from './debugging/debug-wire';
import { settingsPatchSchema } from './settings';

export const panelRequestSchema = z.discriminatedUnion('kind', [
  /** Subscribe to the capture: the engine replays what its ring holds, then streams. */
  z.object({ kind: z.literal('subscribe') }),
  /** Credit: the panel applied every entry up to seq. */
  z.object({ kind: z.literal('ack'), seq: z.number().int().nonnegative() }),
  /** The panel's own `my` client (connection controls act through the same path as the mini-app). */
  z.object({ kind: z.literal('my'), message: clientMessageSchema }),
  z.object({ kind: z.literal('settings'), patch: settingsPatchSchema }),
  z.object({ kind: z.literal('clear') }),
  /** Panel controls always win: close any live connection, whoever opened it. */
  z.object({
    kind: z.literal('force-close'),
    connectionId: z.string().min(1).max(64),
    code: z.number().int().optional(),
    reason: z.string().max(1000).optional(),
  }),
  /** Puts a frame on any live connection, either direction (docs/behaviour.md#frame-injection); a refusal is a warning. */
  injectRequestSchema.extend({ kind: z.literal('inject') }),
  /** Full entry (payload beyond the batch preview). */
  z.object({ kind: z.literal('get-entry'), requestId: z.number().int().nonnegative(), seq: z.number().int().nonnegative() }),
  /** Decode one held frame in main (protobufjs generates code, which the panel's CSP forbids): the reply body is the DecodeResult as JSON. */
  z.object({ kind: z.literal('decode'), requestId: z.number().int().nonnegative(), seq: z.number().int().nonnegative(), choice: decoderChoiceSchema }),
  z.object({ kind: z.literal('export'), requestId: z.number().int().nonnegative(), format: z.enum(['har', 'jsonl']), decoders: decoderChoicesSchema.optional() }),
  /**
   * Registers a recorded connection as a replay endpoint (a mock server on the lab): one of the live
   * capture's connections, or a recording the panel built from a HAR. Replies with the ReplayEndpoint as JSON.
   */
  z.object({
    kind: z.literal('replay-start'),
    requestId: z.number().int().nonnegative(),
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('capture'), connectionId: z.string().min(1).max(64) }),
      z.object({ kind: z.literal('recording'), recording: replayRecordingSchema }),
    ]),
    options: replayOptionsSchema,
  }),
  /** Unregisters a replay endpoint and disconnects its clients. */
  z.object({ kind: z.literal('replay-stop'), requestId: z.number().int().nonnegative(), replayId: z.string().min(1).max(64) }),
  /**
   * The replay endpoints as JSON `{ version, replays }` (ReplayList): at once when `since` differs from the
   * current version, else when they next change (or after a while with the same version): a long poll.
   */
  /** my storage of the projects whose pages ran in this engine; the reply body is StorageListing as JSON text. */
  z.object({ kind: z.literal('storage-list'), requestId: z.number().int().nonnegative() }),
  /** An edit from the panel's storage view (pages see it after a reload, docs/behaviour.md#storage-mirror). */
  z.object({ kind: z.literal('storage-write'), requestId: z.number().int().nonnegative(), project: z.string().min(1).max(4096), write: storageWriteSchema }),
  z.object({ kind: z.literal('replay-list'), requestId: z.number().int().nonnegative(), since: z.number().int().min(-1) }),
  /** Replaces the user's stored panel preferences (docs/behaviour.md#panel-preferences). */
  z.object({ kind: z.literal('preferences-save'), preferences: panelPreferencesSchema }),
  /** Saved sessions: the list as JSON SessionList (shared/session-wire.ts). */
  z.object({ kind: z.literal('sessions-list'), requestId: z.number().int().nonnegative() }),
  /** Up to `limit` entries of a saved session from `fromSeq`, as a JSON array. */
  z.object({
    kind: z.literal('session-read'),
    requestId: z.number().int().nonnegative(),
    id: sessionIdSchema,
    fromSeq: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(MAX_SESSION_READ),
  }),
  z.object({ kind: z.literal('session-export'), requestId: z.number().int().nonnegative(), id: sessionIdSchema, format: z.enum(['har', 'jsonl']) }),
  /** Deletes a finished session (the live one cannot be deleted). */
  z.object({ kind: z.literal('session-delete'), requestId: z.number().int().nonnegative(), id: sessionIdSchema }),
  /**
   * The panel's text filter over the live capture's entries before `toSeq`, searched in the run's session on
   * disk (its ring may no longer hold them); the reply body is LiveFilterMatches as JSON (shared/session-wire.ts).
   */
  z.object({ kind: z.literal('live-filter'), requestId: z.number().int().nonnegative(), text: z.string().min(1).max(1000), toSeq: z.number().int().nonnegative() }),
  /** Breakpoints, paused frames, map remote and network conditions (docs/debugging.md). */
  z.object({ kind: z.literal('debug'), command: debugCommandSchema }),
  /**
   * Sends a sent frame's payload again on its own connection, as the app would (docs/behaviour.md#resend-through-the-apps-connection).
   * Replies with `{ seq }` of the new frame as JSON, or the reason nothing was sent.
   */
  z.object({ kind: z.literal('resend'), requestId: z.number().int().nonnegative(), seq: z.number().int().nonnegative() }),
  /** Sends the mini-app to the background (false) or back (true) (docs/behaviour.md#app-life-background-and-foreground). */
  z.object({ kind: z.literal('app-visibility'), visible: z.boolean() }),
  /** Opens another project in the preview (a folder path or an http(s) URL); replies with the PreviewInfo as JSON. */
  z.object({ kind: z.literal('open-project'), requestId: z.number().int().nonnegative(), path: z.string().min(1).max(4096) }),
  /** Electron: asks for a folder with the system dialog; replies with the chosen path, or '' when cancelled. */
  z.object({ kind: z.literal('choose-project-folder'), requestId: z.number().int().nonnegative() }),
  /** The live capture's whole-run summary per time bucket, as JSON RunSummary (shared/run-summary.ts). */
  z.object({ kind: z.literal('live-summary'), requestId: z.number().int().nonnegative() }),
]);
export type PanelRequest = z.infer<typeof panelRequestSchema>;

/** The reply of 'storage-list': each project's key → JSON text of the stored data. */
export interface StorageListing {
  projects: { project: string; entries: Record<string, string> }[];
}

export type ConnectionState = 'CONNECTING' | 'OPEN' | 'CLOSING' | 'CLOSED';

export interface ConnectionInfo {
  connectionId: string;
  clientId: string;
  /** null = single mode; otherwise the SocketTask id. */
  target: string | null;
  /** The final URL (after `data`) as the app asked for it. */
  url: string;
  /** The URL really dialled when map remote rewrote `url` (docs/debugging.md#map-remote). */
  dialedUrl?: string;
  state: ConnectionState;
  requestedProtocols: string[];
  protocol: string;
  openedAt?: number;
  closedAt?: number;
  closeCode?: number;
  closeReason?: string;
}

export interface ClientInfo {
  clientId: string;
  /** Where the mini-app page came from, '' for the panel. */
  origin: string;
  /** Listener counts: key `${target ?? 'single'}:${event}`. */
  listeners: Record<string, number>;
  /** What the mini-app's app.json set; absent when it has none (and for the panel). */
  appJson?: AppJsonSettings;
  /** A mini-program page's stack as it last reported it, bottom first (the last is the current page). */
  pageStack?: ReportedPage[];
}

export interface LabEndpoint {
  name: string;
  url: string;
  /** The error code this endpoint reproduces, if any. */
  reproduces?: number;
  description: string;
}

export interface EngineState {
  settings: EngineSettings;
  connections: ConnectionInfo[];
  clients: ClientInfo[];
  lab: LabEndpoint[];
  /** Absent from engines that predate it; see docs/debugging.md. */
  debugging?: DebuggingState;
  /** Background or foreground (docs/behaviour.md#app-life-background-and-foreground); absent from engines that predate it. */
  app?: AppLifeState;
}

/** The mini-app's life as the engine runs it: times are wall-clock ms. */
export interface AppLifeState {
  visible: boolean;
  /** When it went to the background. */
  hiddenAt?: number;
  /** When the engine will close its sockets (the backgroundCloseSeconds setting). */
  closeAt?: number;
  /** The sockets were closed in this background stay. */
  socketsClosed?: boolean;
}

export type PanelMessage =
  | {
      kind: 'batch';
      /** Entries in seq order; payloads may be cut to a preview (`previewOnly`): fetch with get-entry. */
      entries: (CaptureEntry & { previewOnly?: boolean })[];
      /** Entries the panel will never get because the ring evicted them before they were sent. */
      skipped: number;
      stats: CaptureStats;
    }
  | { kind: 'cleared'; stats: CaptureStats }
  | { kind: 'state'; state: EngineState }
  /** The stored preferences, sent once after `subscribe`. */
  | { kind: 'preferences'; preferences: PanelPreferences }
  | { kind: 'my'; message: EngineMessage }
  /** What the preview shows; sent after `subscribe` and whenever it changes (a hot reload, another project). */
  | { kind: 'preview'; preview: PreviewInfo }
  | { kind: 'reply'; requestId: number; ok: true; body: string | CaptureEntry }
  | { kind: 'reply'; requestId: number; ok: false; error: string };

/** The panel's link to the engine, whatever the host (Electron MessagePort or the browser host's WebSocket). */
export interface PanelTransport {
  send(request: PanelRequest): void;
  onMessage(listener: (message: PanelMessage) => void): () => void;
}
