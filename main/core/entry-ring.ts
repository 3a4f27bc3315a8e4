// The capture ring's storage: entries held as a struct of arrays (docs/architecture.md#capture-memory).
// Fixed fields live in typed arrays, repeated strings (ids, names, pages) as numbers of a counted string
// table, payloads and details in one array slot each (a send's call and result detail as a shape, its callId
// in a column and one object in the slot: detail-shapes.ts), error fields in a Map by slot (few entries have
// them), so a held entry is no object of its own: held for 200,000 appends, entry objects were all
// promoted to V8's old space, which grew (and V8 grew its limit) through a flood. The newest entries also
// keep their objects (RECENT_OBJECTS), so readers that follow the log (the panel stream) get the appended
// object back; older reads build a copy. The session recorder copies a plain frame from the columns (fields).
// An incoming frame's payload is held as its bytes in an off-heap arena (payload-arena.ts) and decoded on read.
import { OPCODE, type CaptureEntry, type Direction, type EntryKind } from '../../shared/capture';
import type { Json } from '../../shared/json';
import { detailShape, keptOfDetail, PLAIN_DETAIL, rebuiltDetail } from './detail-shapes';
import { createPayloadArena } from './payload-arena';
import { createStringTable, NO_STRING } from './string-table';
import type { HeldEntryFields } from './ports';

const KINDS: readonly EntryKind[] = ['call', 'result', 'lifecycle', 'frame', 'error', 'warning', 'http'];
const DIRECTIONS: readonly Direction[] = ['out', 'in', 'none'];
const FRAME_KIND = KINDS.indexOf('frame');
const IN_DIRECTION = DIRECTIONS.indexOf('in');
const FLAG = { binary: 1, binaryTrue: 2, truncated: 4, truncatedTrue: 8, opcode: 16, error: 32, arena: 64 } as const;

/** The error fields, which few entries have: kept by slot in a Map, so other entries spend nothing on them. */
interface ErrorFields {
  errorCode: number | undefined;
  errorMessage: string | undefined;
  cause: string | undefined;
}

/** The newest entries whose objects stay held as appended (few enough to die in V8's young generation). */
export const RECENT_OBJECTS = 1024;

export interface EntryRing {
  /** Stores `entry` in the slot of `entry.seq` (replacing whatever that slot held). */
  put(entry: CaptureEntry): void;
  /**
   * Stores an incoming text or binary frame from its fields, with no entry object: read() builds one when
   * asked (docs/architecture.md#capture-cpu). Positional, so the hot path allocates nothing to call it.
   * `bytes`, when given, are the frame's bytes that `payload` encodes (UTF-8 text, or base64 when binary):
   * they are held instead of the string.
   */
  putFrame(seq: number, wallTime: number, monoTime: number, clientId: string, connectionId: string, binary: boolean, size: number, payload: string, truncated: boolean, bytes: Uint8Array | undefined): void;
  /** Fields of a held entry read from the columns, building no object. */
  readonly fields: HeldEntryFields;
  /** The entry stored for `seq`; the caller knows that seq is held. */
  read(seq: number): CaptureEntry;
  /** Lets go of the strings and details of the slot of `seq`. */
  release(seq: number): void;
  /** Lets go of everything held. */
  releaseAll(): void;
}

export function createEntryRing(capacity: number, arenaBytes?: number): EntryRing {
  const wallTime = new Float64Array(capacity);
  const monoTime = new Float64Array(capacity);
  const size = new Float64Array(capacity);
  const opcode = new Uint8Array(capacity);
  const kind = new Uint8Array(capacity);
  const direction = new Uint8Array(capacity);
  const flags = new Uint8Array(capacity);
  const strings = createStringTable();
  const clientId = new Uint32Array(capacity);
  const connectionId = new Uint32Array(capacity);
  const name = new Uint32Array(capacity);
  const page = new Uint32Array(capacity);
  const payload = new Array<string | undefined>(capacity);
  const arena = createPayloadArena(capacity, arenaBytes);
  const payloadChars = new Float64Array(capacity); // of a payload held in the arena
  // The newest frame's payload string, for the session recorder, which copies it right after the append:
  // one reference, not one per frame, so the string still dies young.
  let lastFrameSeq = -1;
  let lastFramePayload = '';
  const detail = new Array<Json | undefined>(capacity);
  const shape = new Uint8Array(capacity);
  const callId = new Float64Array(capacity);
  const errors = new Map<number, ErrorFields>();
  const recentLength = Math.min(capacity, RECENT_OBJECTS);
  const recent = new Array<CaptureEntry | undefined>(recentLength);

  function releaseStrings(slot: number): void {
    strings.release(clientId[slot] as number);
    strings.release(connectionId[slot] as number);
    strings.release(name[slot] as number);
    strings.release(page[slot] as number);
    clientId[slot] = connectionId[slot] = name[slot] = page[slot] = NO_STRING;
  }

  function forgetLastFrame(): void {
    lastFrameSeq = -1;
    lastFramePayload = '';
  }

  function releaseArena(slot: number): void {
    if ((flags[slot] as number) & FLAG.arena) arena.release(slot);
    flags[slot] = 0;
  }

  /** The payload held for `seq` in `slot`: the string, or the arena's bytes decoded. */
  function payloadOf(seq: number, slot: number): string | undefined {
    const bits = flags[slot] as number;
    if (!(bits & FLAG.arena)) return payload[slot];
    return seq === lastFrameSeq ? lastFramePayload : arena.text(slot, (bits & FLAG.binaryTrue) !== 0);
  }

  /** Empties `slot` for seq and stores the fields every entry has; answers the slot. */
  function fillSlot(seq: number, wall: number, mono: number, bytes: number, kindIndex: number, directionIndex: number): number {
    const slot = seq % capacity;
    releaseStrings(slot);
    if ((flags[slot] as number) & FLAG.error) errors.delete(slot);
    releaseArena(slot);
    wallTime[slot] = wall;
    monoTime[slot] = mono;
    size[slot] = bytes;
    kind[slot] = kindIndex;
    direction[slot] = directionIndex;
    return slot;
  }

  /** Any entry rebuilt from its slot. Keys in canonicalEntry's order (shared/jsonl.ts), optional ones only when present. */
  function builtEntry(seq: number, slot: number): CaptureEntry {
    const entry: CaptureEntry = {
      seq,
      wallTime: wallTime[slot] as number,
      monoTime: monoTime[slot] as number,
      clientId: strings.text(clientId[slot] as number) as string,
      connectionId: strings.text(connectionId[slot] as number) as string,
      kind: KINDS[kind[slot] as number] as EntryKind,
      name: strings.text(name[slot] as number) as string,
      direction: DIRECTIONS[direction[slot] as number] as Direction,
      size: size[slot] as number,
    };
    const bits = flags[slot] as number;
    const pageText = strings.text(page[slot] as number);
    if (pageText !== undefined) entry.page = pageText;
    if (bits & FLAG.opcode) entry.opcode = opcode[slot] as number;
    const payloadText = payloadOf(seq, slot);
    if (payloadText !== undefined) entry.payload = payloadText;
    if (bits & FLAG.binary) entry.binary = (bits & FLAG.binaryTrue) !== 0;
    if (bits & FLAG.truncated) entry.truncated = (bits & FLAG.truncatedTrue) !== 0;
    const error = bits & FLAG.error ? errors.get(slot) : undefined;
    if (error?.errorCode !== undefined) entry.errorCode = error.errorCode;
    if (error?.errorMessage !== undefined) entry.errorMessage = error.errorMessage;
    if (error?.cause !== undefined) entry.cause = error.cause;
    const details = rebuiltDetail(shape[slot] as number, callId[slot] as number, detail[slot]);
    if (details !== undefined) entry.detail = details;
    return entry;
  }

  /** A text or binary frame with no page, cut, error or detail: the entries of a flood. */
  function isPlainFrame(slot: number): boolean {
    const bits = flags[slot] as number;
    return (bits & ~(FLAG.binaryTrue | FLAG.arena)) === (FLAG.opcode | FLAG.binary) && page[slot] === NO_STRING && shape[slot] === PLAIN_DETAIL && detail[slot] === undefined && (payload[slot] !== undefined || (bits & FLAG.arena) !== 0);
  }

  /** builtEntry's result for a plain frame, as one literal: one allocation with every key in the object (docs/architecture.md#capture-cpu). */
  function plainFrame(seq: number, slot: number): CaptureEntry {
    return {
      seq,
      wallTime: wallTime[slot] as number,
      monoTime: monoTime[slot] as number,
      clientId: strings.text(clientId[slot] as number) as string,
      connectionId: strings.text(connectionId[slot] as number) as string,
      kind: KINDS[kind[slot] as number] as EntryKind,
      name: strings.text(name[slot] as number) as string,
      direction: DIRECTIONS[direction[slot] as number] as Direction,
      size: size[slot] as number,
      opcode: opcode[slot] as number,
      payload: payloadOf(seq, slot) as string,
      binary: ((flags[slot] as number) & FLAG.binaryTrue) !== 0,
    };
  }

  const fields: HeldEntryFields = {
    kind: (seq) => KINDS[kind[seq % capacity] as number] as EntryKind,
    direction: (seq) => DIRECTIONS[direction[seq % capacity] as number] as Direction,
    opcode: (seq) => ((flags[seq % capacity] as number) & FLAG.opcode ? opcode[seq % capacity] : undefined),
    name: (seq) => strings.text(name[seq % capacity] as number) as string,
    monoTime: (seq) => monoTime[seq % capacity] as number,
    errorCode: (seq) => ((flags[seq % capacity] as number) & FLAG.error ? errors.get(seq % capacity)?.errorCode : undefined),
    payloadLength(seq) {
      const slot = seq % capacity;
      return (flags[slot] as number) & FLAG.arena ? (payloadChars[slot] as number) : (payload[slot]?.length ?? 0);
    },
    plainFrame: (seq) => isPlainFrame(seq % capacity),
    copyPlainFrame(seq, sink) {
      const slot = seq % capacity;
      const bits = flags[slot] as number;
      sink.addPlainFrame(seq, wallTime[slot] as number, monoTime[slot] as number, size[slot] as number, KINDS[kind[slot] as number] as EntryKind, DIRECTIONS[direction[slot] as number] as Direction, strings.text(clientId[slot] as number) as string, strings.text(connectionId[slot] as number) as string, strings.text(name[slot] as number) as string, opcode[slot] as number, payloadOf(seq, slot) as string, (bits & FLAG.binaryTrue) !== 0);
    },
  };

  return {
    fields,
    put(entry) {
      const slot = fillSlot(entry.seq, entry.wallTime, entry.monoTime, entry.size, KINDS.indexOf(entry.kind), DIRECTIONS.indexOf(entry.direction));
      let bits = 0;
      if (entry.opcode !== undefined) {
        bits |= FLAG.opcode;
        opcode[slot] = entry.opcode;
      }
      if (entry.binary !== undefined) bits |= FLAG.binary | (entry.binary ? FLAG.binaryTrue : 0);
      if (entry.truncated !== undefined) bits |= FLAG.truncated | (entry.truncated ? FLAG.truncatedTrue : 0);
      if (entry.errorCode !== undefined || entry.errorMessage !== undefined || entry.cause !== undefined) {
        bits |= FLAG.error;
        errors.set(slot, { errorCode: entry.errorCode, errorMessage: entry.errorMessage, cause: entry.cause });
      }
      flags[slot] = bits;
      const previous = (slot === 0 ? capacity : slot) - 1; // its ids are the likely ones
      clientId[slot] = strings.acquire(entry.clientId, clientId[previous]);
      connectionId[slot] = strings.acquire(entry.connectionId, connectionId[previous]);
      name[slot] = strings.acquire(entry.name, name[previous]);
      page[slot] = strings.acquire(entry.page, page[previous]);
      payload[slot] = entry.payload;
      const kept = detailShape(entry.detail);
      shape[slot] = kept;
      if (kept !== PLAIN_DETAIL) callId[slot] = entry.detail?.callId as number;
      detail[slot] = keptOfDetail(kept, entry.detail);
      recent[entry.seq % recentLength] = entry;
    },
    putFrame(seq, wall, mono, client, connection, binary, size, text, truncated, bytes) {
      const slot = fillSlot(seq, wall, mono, size, FRAME_KIND, IN_DIRECTION);
      opcode[slot] = binary ? OPCODE.binary : OPCODE.text;
      const inArena = bytes !== undefined && arena.store(slot, bytes);
      flags[slot] = FLAG.opcode | FLAG.binary | (binary ? FLAG.binaryTrue : 0) | (truncated ? FLAG.truncated | FLAG.truncatedTrue : 0) | (inArena ? FLAG.arena : 0);
      const previous = (slot === 0 ? capacity : slot) - 1;
      clientId[slot] = strings.acquire(client, clientId[previous]);
      connectionId[slot] = strings.acquire(connection, connectionId[previous]);
      name[slot] = strings.acquire(binary ? 'binary' : 'text', name[previous]);
      payload[slot] = inArena ? undefined : text;
      payloadChars[slot] = text.length;
      lastFrameSeq = seq;
      lastFramePayload = text;
      shape[slot] = PLAIN_DETAIL;
      detail[slot] = undefined;
      recent[seq % recentLength] = undefined; // built on the first read
    },
    read(seq) {
      const kept = recent[seq % recentLength];
      if (kept?.seq === seq) return kept;
      const slot = seq % capacity;
      const entry = isPlainFrame(slot) ? plainFrame(seq, slot) : builtEntry(seq, slot);
      // A frame stored without its object keeps the one built here while it is among the newest (no
      // newer seq in its recent slot), so the readers that follow the log share it. One whose payload is
      // in the arena keeps nothing: its decoded string would live on the heap again.
      if ((kept === undefined || kept.seq < seq) && !((flags[slot] as number) & FLAG.arena)) recent[seq % recentLength] = entry;
      return entry;
    },
    release(seq) {
      const slot = seq % capacity;
      releaseStrings(slot);
      payload[slot] = undefined;
      detail[slot] = undefined;
      shape[slot] = PLAIN_DETAIL;
      if ((flags[slot] as number) & FLAG.error) errors.delete(slot);
      releaseArena(slot);
      if (seq === lastFrameSeq) forgetLastFrame();
      if (recent[seq % recentLength]?.seq === seq) recent[seq % recentLength] = undefined;
    },
    releaseAll() {
      for (const array of [clientId, connectionId, name, page]) array.fill(NO_STRING);
      strings.clear();
      flags.fill(0);
      arena.clear();
      forgetLastFrame();
      shape.fill(PLAIN_DETAIL);
      errors.clear();
      for (const array of [payload, detail, recent]) array.fill(undefined);
    },
  };
}
