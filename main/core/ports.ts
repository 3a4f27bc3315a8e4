// The seams of the core: everything host-specific is injected through these, so the same core runs under
// Electron, in the browser host and in plain-Node tests.
import type { AppLife } from './app-life';
import type { AppJsonSettings } from '../../shared/app-json';
import type { CaptureEntry, CaptureStats, Direction, EntryKind } from '../../shared/capture';
import type { InjectMark, InjectOutcome, InjectRequest } from '../../shared/inject';
import type { EngineMessage } from '../../shared/my-wire';
import type { EngineState, LabEndpoint, PanelMessage } from '../../shared/panel-wire';
import type { EngineSettings, SettingsPatch } from '../../shared/settings';
import type { ProjectStorage } from './my-apis/project-storage';
import type { ReplayRegistry } from './replay-registry';
import type { DebugController } from './debugging/debug-controller';

export interface Clock {
  /** Wall time, ms since the epoch. */
  now(): number;
  /** Monotonic ms. */
  monotonic(): number;
  /** The wall time of a monotonic reading, where the clock derives one from the other: then one reading
   * stamps an entry with both (docs/architecture.md#capture-cpu). */
  wallTimeOf?(monoTime: number): number;
}

/** What a caller gives the log; the log stamps seq and times. */
export type NewCaptureEntry = Omit<CaptureEntry, 'seq' | 'wallTime' | 'monoTime'>;

export interface CaptureOptions {
  /** Entries held before the oldest is evicted (default 200000). */
  capacity: number;
  /** Payload characters kept per entry before it is cut and flagged `truncated` (default 1 MiB). */
  payloadCap: number;
  /** Bytes of entries held in memory before the oldest is evicted (default 256 MiB; see entryBytes). */
  maxBytes: number;
  /** Bytes of the off-heap arena holding incoming frames' payloads (payload-arena.ts; default 32 MiB). */
  payloadArenaBytes?: number;
}

/** Fields of a held entry, read by seq without building its object (docs/architecture.md#capture-cpu). */
export interface HeldEntryFields {
  kind(seq: number): EntryKind;
  direction(seq: number): Direction;
  opcode(seq: number): number | undefined;
  name(seq: number): string;
  monoTime(seq: number): number;
  errorCode(seq: number): number | undefined;
  /** Characters of the held payload (0 without one). */
  payloadLength(seq: number): number;
  /**
   * Whether the entry is a plain frame: opcode, payload and `binary` present, no page, cut, error or detail.
   * Its whole entry is then what copyPlainFrame hands over (the session recorder copies it).
   */
  plainFrame(seq: number): boolean;
  /** Hands a plain frame's fields to `sink` in one call, building no object. */
  copyPlainFrame(seq: number, sink: PlainFrameSink): void;
}

/** Takes a plain frame's fields (HeldEntryFields.copyPlainFrame), positional so nothing is allocated. */
export interface PlainFrameSink {
  addPlainFrame(seq: number, wallTime: number, monoTime: number, size: number, kind: EntryKind, direction: Direction, clientId: string, connectionId: string, name: string, opcode: number, payload: string, binary: boolean): void;
}

/** One ordered, bounded log of everything; see shared/capture.ts. */
export interface CaptureLog {
  /** Takes ownership of `entry`: it is stamped in place and kept, so pass a fresh object. */
  append(entry: NewCaptureEntry): CaptureEntry;
  /**
   * Appends an incoming text or binary frame from its fields (the same entry `append` would log), with no
   * entry object: get() builds it when asked (docs/architecture.md#capture-cpu). `bytes` are the frame's
   * received bytes, which `payload` encodes (UTF-8 text, or base64 when binary); the log holds them
   * instead of the string.
   */
  appendFrame(clientId: string, connectionId: string, binary: boolean, size: number, payload: string, bytes: Uint8Array): void;
  /** Fields of held entries (the caller knows the seq is held), for readers that need no object. */
  readonly fields: HeldEntryFields;
  get(seq: number): CaptureEntry | undefined;
  /** Held entries with seq >= fromSeq, in order. */
  from(fromSeq: number): IterableIterator<CaptureEntry>;
  stats(): CaptureStats;
  /** Sequence number the next entry will get. */
  nextSeq(): number;
  /** Bytes the held entries cost (payloads as UTF-16 plus a fixed overhead each). */
  heldBytes(): number;
  clear(): void;
  /** Called after every append (synchronously) and after clear. */
  onChange(listener: () => void): () => void;
}

/** A `my` client attached to the engine: one mini-app page session, or the panel. */
export interface ClientSession {
  readonly clientId: string;
  /** A message from the client, not yet validated (validated here with shared/my-wire schemas). */
  receive(raw: unknown): void;
  /** The page went away (reload, navigation, host stop): close its sockets with 1001 and log why. */
  detach(reason: string): void;
  /** Stops or restarts reading its sockets' servers while its link is full (docs/architecture.md#threat-model); idempotent. */
  pauseIncoming(paused: boolean): void;
}

export interface Engine {
  readonly capture: CaptureLog;
  /** Breakpoints and routes, map remote, network conditions (docs/debugging.md). */
  readonly debug: DebugController;
  /** Background and foreground of the mini-app (docs/behaviour.md#app-life-background-and-foreground). */
  readonly appLife: AppLife;
  /** `appJson`: what the mini-app's app.json set (its connect timeout applies to this client's connects). */
  /**
   * `projectKey`: whose my storage the client uses (docs/behaviour.md#storage-mirror); default its origin.
   * `holdCalls`: the host holds the client's later calls while it is told true (a slow server: main/core/write-backlog.ts).
   */
  attachClient(options: { origin: string; clientId?: string; send: (message: EngineMessage) => void; appJson?: AppJsonSettings; projectKey?: string; holdCalls?: (hold: boolean) => void }): ClientSession;
  settings(): EngineSettings;
  updateSettings(patch: SettingsPatch): void;
  state(): EngineState;
  /** Called whenever state() would answer differently (connections, settings, clients, listeners). */
  onStateChange(listener: () => void): () => void;
  /** Panel controls always win: close any live connection. */
  forceClose(connectionId: string, code?: number, reason?: string): void;
  /**
   * Puts a frame on any OPEN connection, either direction (docs/behaviour.md#frame-injection), marked `mark`
   * (default injected; a resend: docs/behaviour.md#resend-through-the-apps-connection); refusals are also logged.
   */
  inject(request: InjectRequest, mark?: InjectMark): InjectOutcome;
  /** The replay endpoints shared by every panel of this engine, created on first use (not yet listening). */
  replays(): ReplayRegistry;
  /** my storage per project (docs/behaviour.md#storage-mirror), for the panel's storage view. */
  storage(): ProjectStorage;
  /** Lab endpoints shown in the panel (set by the host that started the lab). */
  setLabEndpoints(endpoints: LabEndpoint[]): void;
  /** Close every socket with 1001 going away. */
  shutdown(): Promise<void>;
}

/** One panel connected to the engine (a window or a browser tab); host-independent. */
export interface PanelSession {
  receive(raw: unknown): void;
  /** As ClientSession.pauseIncoming, for the panel's own `my` client. */
  pauseIncoming(paused: boolean): void;
  close(): void;
}

export type PanelSink = (message: PanelMessage) => void;
