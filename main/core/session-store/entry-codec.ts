// One capture entry as one binary record of the session file. Numbers are written as raw float64 and
// strings as length-prefixed UTF-8 straight into the writer's buffer: no JSON text and no garbage per
// entry, which made the session writer ~2× cheaper per frame than JSON lines (docs/session-storage.md).
//   u32 body length | u8 RECORD_MARK | f64 seq, wallTime, monoTime, size | u8 kind | u8 direction
//   | u16 present-fields bits | str clientId, connectionId, name | the present optional fields in order
//   (page first, then opcode … detail)
import type { CaptureEntry, Direction, EntryKind } from '../../../shared/capture';
import type { Json } from '../../../shared/json';

export const RECORD_HEADER_BYTES = 4;
const RECORD_MARK = 0xe1;
/** A length beyond this is damage, not a record (payloads are capped at 1 MiB characters). */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export const KINDS: readonly EntryKind[] = ['call', 'result', 'lifecycle', 'frame', 'error', 'warning', 'http'];
export const DIRECTIONS: readonly Direction[] = ['out', 'in', 'none'];
const HAS = { opcode: 1, payload: 2, binary: 4, binaryTrue: 8, truncated: 16, truncatedTrue: 32, errorCode: 64, errorMessage: 128, cause: 256, detail: 512, page: 1024 } as const;
/** Fixed part: mark, 4 float64, kind, direction, bits; plus 7 string prefixes and 2 optional float64. */
const FIXED_BYTES = 1 + 4 * 8 + 2 + 2 + 7 * 4 + 2 * 8;

/** An upper bound of a record's size from the characters of its strings (UTF-8 takes at most 3 bytes per UTF-16 unit), header included. */
export function maxRecordBytesOf(chars: number): number {
  return RECORD_HEADER_BYTES + FIXED_BYTES + chars * 3;
}

/** An upper bound of the record's size, header included. */
export function maxRecordBytes(entry: CaptureEntry, detailText: string | undefined): number {
  return maxRecordBytesOf(entry.clientId.length + entry.connectionId.length + entry.name.length + (entry.payload?.length ?? 0) + (entry.errorMessage?.length ?? 0) + (entry.cause?.length ?? 0) + (entry.page?.length ?? 0) + (detailText?.length ?? 0));
}

/** Writes the record at `offset` (room for maxRecordBytes is the caller's duty); returns the end offset. */
export function encodeEntry(entry: CaptureEntry, detailText: string | undefined, buffer: Buffer, offset: number): number {
  let bits = 0;
  if (entry.opcode !== undefined) bits |= HAS.opcode;
  if (entry.payload !== undefined) bits |= HAS.payload;
  if (entry.binary !== undefined) bits |= HAS.binary | (entry.binary ? HAS.binaryTrue : 0);
  if (entry.truncated !== undefined) bits |= HAS.truncated | (entry.truncated ? HAS.truncatedTrue : 0);
  if (entry.errorCode !== undefined) bits |= HAS.errorCode;
  if (entry.errorMessage !== undefined) bits |= HAS.errorMessage;
  if (entry.cause !== undefined) bits |= HAS.cause;
  if (detailText !== undefined) bits |= HAS.detail;
  if (entry.page !== undefined) bits |= HAS.page;
  let at = encodeHead(buffer, offset, entry.seq, entry.wallTime, entry.monoTime, entry.size, KINDS.indexOf(entry.kind), DIRECTIONS.indexOf(entry.direction), bits, entry.clientId, entry.connectionId, entry.name);
  if (entry.page !== undefined) at = writeString(buffer, at, entry.page);
  if (entry.opcode !== undefined) at = writeNumber(buffer, at, entry.opcode);
  if (entry.payload !== undefined) at = writeString(buffer, at, entry.payload);
  if (entry.errorCode !== undefined) at = writeNumber(buffer, at, entry.errorCode);
  if (entry.errorMessage !== undefined) at = writeString(buffer, at, entry.errorMessage);
  if (entry.cause !== undefined) at = writeString(buffer, at, entry.cause);
  if (detailText !== undefined) at = writeString(buffer, at, detailText);
  return endRecord(buffer, offset, at);
}

/**
 * A plain frame — opcode, payload and `binary`, no other optional field — from its fields, with no entry
 * object: the bytes encodeEntry writes for that entry (docs/architecture.md#session-writer-thread). `kind`
 * and `direction` are indexes into KINDS and DIRECTIONS. Room for maxRecordBytesOf is the caller's duty.
 */
export function encodePlainFrame(buffer: Buffer, offset: number, seq: number, wallTime: number, monoTime: number, size: number, kind: number, direction: number, clientId: string, connectionId: string, name: string, opcode: number, payload: string, binary: boolean): number {
  const at = encodeHead(buffer, offset, seq, wallTime, monoTime, size, kind, direction, PLAIN_FRAME_BITS | (binary ? HAS.binaryTrue : 0), clientId, connectionId, name);
  return endRecord(buffer, offset, writeString(buffer, writeNumber(buffer, at, opcode), payload));
}

let viewed: Buffer | undefined;
let cachedView: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

/** A DataView of `buffer`, kept while the writer encodes into the same buffer (made again when it grows). */
function viewOf(buffer: Buffer): DataView<ArrayBufferLike> {
  if (buffer !== viewed) {
    viewed = buffer;
    cachedView = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  return cachedView;
}

function writeNumber(buffer: Buffer, at: number, value: number): number {
  viewOf(buffer).setFloat64(at, value, true);
  return at + 8;
}

/** Writes the body length of the record at `offset` that ends at `end`; returns `end`. */
function endRecord(buffer: Buffer, offset: number, end: number): number {
  viewOf(buffer).setUint32(offset, end - offset - RECORD_HEADER_BYTES, true);
  return end;
}

const PLAIN_FRAME_BITS = HAS.opcode | HAS.payload | HAS.binary;

/** The part every record has: mark, numbers, kind, direction, bits and the three strings; returns where the optional fields go. */
function encodeHead(buffer: Buffer, offset: number, seq: number, wallTime: number, monoTime: number, size: number, kind: number, direction: number, bits: number, clientId: string, connectionId: string, name: string): number {
  const view = viewOf(buffer);
  let at = offset + RECORD_HEADER_BYTES;
  buffer[at] = RECORD_MARK;
  view.setFloat64(at + 1, seq, true);
  view.setFloat64(at + 9, wallTime, true);
  view.setFloat64(at + 17, monoTime, true);
  view.setFloat64(at + 25, size, true);
  buffer[at + 33] = kind;
  buffer[at + 34] = direction;
  view.setUint16(at + 35, bits, true);
  at += RECORD_TEXT_OFFSET;
  at = writeString(buffer, at, clientId);
  at = writeString(buffer, at, connectionId);
  return writeString(buffer, at, name);
}

/** The body length a record header announces, or undefined when it cannot be a record. */
export function recordBodyLength(buffer: Buffer, offset: number): number | undefined {
  const length = buffer.readUInt32LE(offset);
  return length > 0 && length <= MAX_RECORD_BYTES ? length : undefined;
}

/**
 * Where decodeEntry reads: module state instead of closures per call (a session scan decodes a million
 * records; two closures each, with the names tooling attaches to them, were a third of its time).
 */
const reading = { at: 0, end: 0 };

function readNumber(buffer: Buffer): number {
  const value = buffer.readDoubleLE(reading.at);
  reading.at += 8;
  return value;
}

function readString(buffer: Buffer): string {
  const length = buffer.readUInt32LE(reading.at);
  const from = reading.at + 4;
  if (from + length > reading.end) throw new Error('session record cut short');
  reading.at = from + length;
  return buffer.toString('utf8', from, from + length);
}

/** Reads the body buffer[start, end) back into the entry (keys in canonicalEntry's order: page after size); throws on damage. */
export function decodeEntry(buffer: Buffer, start: number, end: number): CaptureEntry {
  if (buffer[start] !== RECORD_MARK) throw new Error('not a session record');
  reading.at = start + 1;
  reading.end = end;
  const seq = readNumber(buffer);
  const wallTime = readNumber(buffer);
  const monoTime = readNumber(buffer);
  const size = readNumber(buffer);
  const kind = KINDS[buffer[reading.at] ?? -1];
  const direction = DIRECTIONS[buffer[reading.at + 1] ?? -1];
  if (kind === undefined || direction === undefined) throw new Error('session record with an unknown kind or direction');
  const bits = buffer.readUInt16LE(reading.at + 2);
  reading.at += 4;
  const clientId = readString(buffer);
  const connectionId = readString(buffer);
  const name = readString(buffer);
  const entry: CaptureEntry = { seq, wallTime, monoTime, clientId, connectionId, kind, name, direction, size };
  if (bits & HAS.page) entry.page = readString(buffer);
  if (bits & HAS.opcode) entry.opcode = readNumber(buffer);
  if (bits & HAS.payload) entry.payload = readString(buffer);
  if (bits & HAS.binary) entry.binary = (bits & HAS.binaryTrue) !== 0;
  if (bits & HAS.truncated) entry.truncated = (bits & HAS.truncatedTrue) !== 0;
  if (bits & HAS.errorCode) entry.errorCode = readNumber(buffer);
  if (bits & HAS.errorMessage) entry.errorMessage = readString(buffer);
  if (bits & HAS.cause) entry.cause = readString(buffer);
  if (bits & HAS.detail) entry.detail = JSON.parse(readString(buffer)) as Record<string, Json>;
  if (reading.at !== end) throw new Error('session record length mismatch');
  return entry;
}

/** The fields of an entry the text search reads (shared/entry-text-search.ts), plus its seq. */
export type SearchFields = Pick<CaptureEntry, 'seq' | 'kind' | 'name' | 'connectionId' | 'payload' | 'binary' | 'errorMessage' | 'cause' | 'detail'>;

/**
 * Decodes only what the text search reads into `view` (reused from record to record: a filter over a
 * million records then makes no entry objects, and skips the times, the client id and frames' details).
 */
export function decodeSearchFields(buffer: Buffer, start: number, end: number, view: SearchFields): void {
  if (buffer[start] !== RECORD_MARK) throw new Error('not a session record');
  reading.at = start + 1;
  reading.end = end;
  view.seq = readNumber(buffer);
  const kind = KINDS[buffer[start + 33] ?? -1];
  if (kind === undefined) throw new Error('session record with an unknown kind');
  view.kind = kind;
  const bits = buffer.readUInt16LE(start + 35);
  reading.at = start + RECORD_TEXT_OFFSET;
  skipString(buffer);
  view.connectionId = readString(buffer);
  view.name = readString(buffer);
  if (bits & HAS.page) skipString(buffer);
  if (bits & HAS.opcode) reading.at += 8;
  view.payload = bits & HAS.payload ? readString(buffer) : undefined;
  view.binary = bits & HAS.binary ? (bits & HAS.binaryTrue) !== 0 : undefined;
  if (bits & HAS.errorCode) reading.at += 8;
  view.errorMessage = bits & HAS.errorMessage ? readString(buffer) : undefined;
  view.cause = bits & HAS.cause ? readString(buffer) : undefined;
  view.detail = bits & HAS.detail && kind !== 'frame' ? (JSON.parse(readString(buffer)) as Record<string, Json>) : undefined;
}

/** Where a record body's strings start: after its mark, four float64, kind, direction and bits. */
export const RECORD_TEXT_OFFSET = 37;

/** The seq of the record whose body starts at `start`, read without decoding the rest; throws on damage. */
export function recordSeq(buffer: Buffer, start: number): number {
  if (buffer[start] !== RECORD_MARK) throw new Error('not a session record');
  return buffer.readDoubleLE(start + 1);
}

/**
 * True when the record holds a binary payload, which the text search also reads as its decoded UTF-8: text
 * that is not in the record's bytes. Every other searched field is one UTF-8 string of the record as
 * written — a non-frame entry's detail too: it is searched as JSON.stringify of the parsed text, and the
 * text is the writer's own JSON.stringify, which parsing and stringifying again gives back unchanged.
 */
export function recordHasBinaryPayload(buffer: Buffer, start: number): boolean {
  return (buffer.readUInt16LE(start + 35) & HAS.binaryTrue) !== 0;
}

/**
 * Where the payload of the record whose body starts at `start` is: the offset of its length prefix (its
 * bytes follow it), or -1 when it has none. Read from the lengths before it, nothing decoded.
 */
export function recordPayloadAt(buffer: Buffer, start: number): number {
  const bits = buffer.readUInt16LE(start + 35);
  if ((bits & HAS.payload) === 0) return -1;
  let at = start + RECORD_TEXT_OFFSET;
  for (let field = bits & HAS.page ? 4 : 3; field > 0; field -= 1) at += 4 + buffer.readUInt32LE(at);
  return bits & HAS.opcode ? at + 8 : at;
}

function skipString(buffer: Buffer): void {
  reading.at += 4 + buffer.readUInt32LE(reading.at);
}

/** Strings up to this length are tried as ASCII in JS: cheaper than a call into Buffer.write for the short ids, names and frames that most records hold. */
const ASCII_LOOP_CHARS = 32;

function writeString(buffer: Buffer, at: number, text: string): number {
  const length = writeAscii(buffer, at + 4, text) ?? buffer.write(text, at + 4, 'utf8');
  viewOf(buffer).setUint32(at, length, true);
  return at + 4 + length;
}

/** Writes a short all-ASCII `text` byte per character (UTF-8 of ASCII is itself); undefined for any other text. */
function writeAscii(buffer: Buffer, at: number, text: string): number | undefined {
  const length = text.length;
  if (length > ASCII_LOOP_CHARS) return undefined;
  for (let i = 0; i < length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return undefined;
    buffer[at + i] = code;
  }
  return length;
}
