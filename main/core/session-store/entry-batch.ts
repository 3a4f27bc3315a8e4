// Capture entries as the engine's thread hands them to the session writer thread
// (docs/architecture.md#session-writer-thread): numbers in one Float64Array (transferred, not copied), the
// strings in one array, and a client id, connection id or name only when it differs from the previous
// entry's. Filling it is a few stores per entry; the record encoding happens on the writer thread.
import type { CaptureEntry, Direction, EntryKind } from '../../../shared/capture';
import type { Json } from '../../../shared/json';
import type { PlainFrameSink } from '../ports';
import { DIRECTIONS, KINDS } from './entry-codec';

/** What one postMessage carries. */
export interface EntryBatch {
  /** NUMBERS_PER_ENTRY per entry: seq, wallTime, monoTime, size, opcode, errorCode, bits. */
  numbers: Float64Array;
  count: number;
  /** In entry order, only the present ones: the changed clientId, connectionId, name, then page, payload, errorMessage, cause. */
  strings: string[];
  /** The details present, in entry order. */
  details: Record<string, Json>[];
}

const NUMBERS_PER_ENTRY = 7;
// bits: kind (3 bits), direction (2 bits), then one bit per present or changed field.
const KIND_MASK = 7;
const DIRECTION_SHIFT = 3;
const HAS = {
  clientId: 1 << 5,
  connectionId: 1 << 6,
  name: 1 << 7,
  page: 1 << 8,
  opcode: 1 << 9,
  payload: 1 << 10,
  binary: 1 << 11,
  binaryTrue: 1 << 12,
  truncated: 1 << 13,
  truncatedTrue: 1 << 14,
  errorCode: 1 << 15,
  errorMessage: 1 << 16,
  cause: 1 << 17,
  detail: 1 << 18,
} as const;

/** Fills batches on the engine's thread; `take()` hands the filled one over and starts the next. */
export class EntryBatcher implements PlainFrameSink {
  private numbers: Float64Array;
  private strings: string[] = [];
  private details: Record<string, Json>[] = [];
  private count = 0;
  // The previous entry's ids and name, across batches (the writer thread keeps the same).
  private clientId = '';
  private connectionId = '';
  private name = '';

  constructor(readonly capacity: number) {
    this.numbers = new Float64Array(capacity * NUMBERS_PER_ENTRY);
  }

  get size(): number {
    return this.count;
  }

  /** Stores the fields every entry has at `at`; answers the bits so far (kind, direction, changed ids and name). */
  private addCommon(at: number, seq: number, wallTime: number, monoTime: number, size: number, kind: EntryKind, direction: Direction, clientId: string, connectionId: string, name: string): number {
    const numbers = this.numbers;
    numbers[at] = seq;
    numbers[at + 1] = wallTime;
    numbers[at + 2] = monoTime;
    numbers[at + 3] = size;
    let bits = KINDS.indexOf(kind) | (DIRECTIONS.indexOf(direction) << DIRECTION_SHIFT);
    const strings = this.strings;
    if (clientId !== this.clientId) {
      bits |= HAS.clientId;
      strings.push((this.clientId = clientId));
    }
    if (connectionId !== this.connectionId) {
      bits |= HAS.connectionId;
      strings.push((this.connectionId = connectionId));
    }
    if (name !== this.name) {
      bits |= HAS.name;
      strings.push((this.name = name));
    }
    return bits;
  }

  /**
   * A plain frame the capture ring holds, handed over from its columns (HeldEntryFields.copyPlainFrame)
   * without an entry object: the same numbers and strings `add` stores for that entry (docs/architecture.md#capture-cpu).
   */
  addPlainFrame(seq: number, wallTime: number, monoTime: number, size: number, kind: EntryKind, direction: Direction, clientId: string, connectionId: string, name: string, opcode: number, payload: string, binary: boolean): void {
    const at = this.count * NUMBERS_PER_ENTRY;
    const bits = this.addCommon(at, seq, wallTime, monoTime, size, kind, direction, clientId, connectionId, name);
    this.numbers[at + 4] = opcode;
    this.strings.push(payload);
    this.numbers[at + 6] = bits | HAS.opcode | HAS.payload | HAS.binary | (binary ? HAS.binaryTrue : 0);
    this.count += 1;
  }

  add(entry: CaptureEntry): void {
    const at = this.count * NUMBERS_PER_ENTRY;
    const numbers = this.numbers;
    let bits = this.addCommon(at, entry.seq, entry.wallTime, entry.monoTime, entry.size, entry.kind, entry.direction, entry.clientId, entry.connectionId, entry.name);
    const strings = this.strings;
    if (entry.page !== undefined) {
      bits |= HAS.page;
      strings.push(entry.page);
    }
    if (entry.opcode !== undefined) {
      bits |= HAS.opcode;
      numbers[at + 4] = entry.opcode;
    }
    if (entry.payload !== undefined) {
      bits |= HAS.payload;
      strings.push(entry.payload);
    }
    if (entry.binary !== undefined) bits |= HAS.binary | (entry.binary ? HAS.binaryTrue : 0);
    if (entry.truncated !== undefined) bits |= HAS.truncated | (entry.truncated ? HAS.truncatedTrue : 0);
    if (entry.errorCode !== undefined) {
      bits |= HAS.errorCode;
      numbers[at + 5] = entry.errorCode;
    }
    if (entry.errorMessage !== undefined) {
      bits |= HAS.errorMessage;
      strings.push(entry.errorMessage);
    }
    if (entry.cause !== undefined) {
      bits |= HAS.cause;
      strings.push(entry.cause);
    }
    if (entry.detail !== undefined) {
      bits |= HAS.detail;
      this.details.push(entry.detail);
    }
    numbers[at + 6] = bits;
    this.count += 1;
  }

  /** The filled batch (its numbers' buffer is meant to be transferred); the batcher starts an empty one. */
  take(): EntryBatch {
    const batch: EntryBatch = { numbers: this.numbers, count: this.count, strings: this.strings, details: this.details };
    this.numbers = new Float64Array(this.capacity * NUMBERS_PER_ENTRY);
    this.strings = [];
    this.details = [];
    this.count = 0;
    return batch;
  }
}

/** Where the writer thread hands a batch's entries: the session writer (session-writer.ts). */
export interface BatchedEntrySink {
  append(entry: CaptureEntry): void;
  /** A plain frame from its fields; `kind` and `direction` are indexes into KINDS and DIRECTIONS. */
  appendPlainFrame(seq: number, wallTime: number, monoTime: number, size: number, kind: number, direction: number, clientId: string, connectionId: string, name: string, opcode: number, payload: string, binary: boolean): void;
}

/** The optional fields' bits; a plain frame has opcode, payload and binary among them, nothing else. */
const OPTIONAL = HAS.page | HAS.opcode | HAS.payload | HAS.binary | HAS.binaryTrue | HAS.truncated | HAS.truncatedTrue | HAS.errorCode | HAS.errorMessage | HAS.cause | HAS.detail;
const PLAIN_FRAME = HAS.opcode | HAS.payload | HAS.binary;

/** Reads batches back on the writer thread, in order; keeps the previous entry's ids and name. */
export class EntryUnbatcher {
  private clientId = '';
  private connectionId = '';
  private name = '';

  /**
   * Hands `sink` every entry of `batch`: a plain frame (a flood's entries) as its fields, with no entry
   * object (docs/architecture.md#session-writer-thread); any other entry as a fresh object.
   */
  forEach(batch: EntryBatch, sink: BatchedEntrySink): void {
    const { numbers, strings, details } = batch;
    let nextString = 0;
    let nextDetail = 0;
    const text = (): string => {
      const value = strings[nextString++];
      if (value === undefined) throw new Error('entry batch: fewer strings than its entries announce');
      return value;
    };
    for (let i = 0; i < batch.count; i += 1) {
      const at = i * NUMBERS_PER_ENTRY;
      const bits = numbers[at + 6] ?? 0;
      const kindIndex = bits & KIND_MASK;
      const directionIndex = (bits >> DIRECTION_SHIFT) & 3;
      const kind = KINDS[kindIndex];
      const direction = DIRECTIONS[directionIndex];
      if (kind === undefined || direction === undefined) throw new Error('entry batch: unknown kind or direction');
      if (bits & HAS.clientId) this.clientId = text();
      if (bits & HAS.connectionId) this.connectionId = text();
      if (bits & HAS.name) this.name = text();
      if ((bits & OPTIONAL & ~HAS.binaryTrue) === PLAIN_FRAME) {
        sink.appendPlainFrame(numbers[at] ?? 0, numbers[at + 1] ?? 0, numbers[at + 2] ?? 0, numbers[at + 3] ?? 0, kindIndex, directionIndex, this.clientId, this.connectionId, this.name, numbers[at + 4] ?? 0, text(), (bits & HAS.binaryTrue) !== 0);
        continue;
      }
      const entry: CaptureEntry = { seq: numbers[at] ?? 0, wallTime: numbers[at + 1] ?? 0, monoTime: numbers[at + 2] ?? 0, clientId: this.clientId, connectionId: this.connectionId, kind, name: this.name, direction, size: numbers[at + 3] ?? 0 };
      if (bits & HAS.page) entry.page = text();
      if (bits & HAS.opcode) entry.opcode = numbers[at + 4] ?? 0;
      if (bits & HAS.payload) entry.payload = text();
      if (bits & HAS.binary) entry.binary = (bits & HAS.binaryTrue) !== 0;
      if (bits & HAS.truncated) entry.truncated = (bits & HAS.truncatedTrue) !== 0;
      if (bits & HAS.errorCode) entry.errorCode = numbers[at + 5] ?? 0;
      if (bits & HAS.errorMessage) entry.errorMessage = text();
      if (bits & HAS.cause) entry.cause = text();
      if (bits & HAS.detail) {
        const detail = details[nextDetail++];
        if (detail === undefined) throw new Error('entry batch: fewer details than its entries announce');
        entry.detail = detail;
      }
      sink.append(entry);
    }
  }
}
