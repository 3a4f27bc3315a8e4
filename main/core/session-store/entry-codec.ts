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

const KINDS: readonly EntryKind[] = ['call', 'result', 'lifecycle', 'frame', 'error', 'warning', 'http'];
const DIRECTIONS: readonly Direction[] = ['out', 'in', 'none'];
const HAS = { opcode: 1, payload: 2, binary: 4, binaryTrue: 8, truncated: 16, truncatedTrue: 32, errorCode: 64, errorMessage: 128, cause: 256, detail: 512, page: 1024 } as const;
/** Fixed part: mark, 4 float64, kind, direction, bits; plus 7 string prefixes and 2 optional float64. */
const FIXED_BYTES = 1 + 4 * 8 + 2 + 2 + 7 * 4 + 2 * 8;

/** An upper bound of the record's size (UTF-8 takes at most 3 bytes per UTF-16 unit), header included. */
export function maxRecordBytes(entry: CaptureEntry, detailText: string | undefined): number {
  const chars = entry.clientId.length + entry.connectionId.length + entry.name.length + (entry.payload?.length ?? 0) + (entry.errorMessage?.length ?? 0) + (entry.cause?.length ?? 0) + (entry.page?.length ?? 0) + (detailText?.length ?? 0);
  return RECORD_HEADER_BYTES + FIXED_BYTES + chars * 3;
}

/** Writes the record at `offset` (room for maxRecordBytes is the caller's duty); returns the end offset. */
export function encodeEntry(entry: CaptureEntry, detailText: string | undefined, buffer: Buffer, offset: number): number {
  let at = offset + RECORD_HEADER_BYTES;
  buffer[at++] = RECORD_MARK;
  at = buffer.writeDoubleLE(entry.seq, at);
  at = buffer.writeDoubleLE(entry.wallTime, at);
  at = buffer.writeDoubleLE(entry.monoTime, at);
  at = buffer.writeDoubleLE(entry.size, at);
  buffer[at++] = KINDS.indexOf(entry.kind);
  buffer[at++] = DIRECTIONS.indexOf(entry.direction);
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
  at = buffer.writeUInt16LE(bits, at);
  at = writeString(buffer, at, entry.clientId);
  at = writeString(buffer, at, entry.connectionId);
  at = writeString(buffer, at, entry.name);
  if (entry.page !== undefined) at = writeString(buffer, at, entry.page);
  if (entry.opcode !== undefined) at = buffer.writeDoubleLE(entry.opcode, at);
  if (entry.payload !== undefined) at = writeString(buffer, at, entry.payload);
  if (entry.errorCode !== undefined) at = buffer.writeDoubleLE(entry.errorCode, at);
  if (entry.errorMessage !== undefined) at = writeString(buffer, at, entry.errorMessage);
  if (entry.cause !== undefined) at = writeString(buffer, at, entry.cause);
  if (detailText !== undefined) at = writeString(buffer, at, detailText);
  buffer.writeUInt32LE(at - offset - RECORD_HEADER_BYTES, offset);
  return at;
}

/** The body length a record header announces, or undefined when it cannot be a record. */
export function recordBodyLength(buffer: Buffer, offset: number): number | undefined {
  const length = buffer.readUInt32LE(offset);
  return length > 0 && length <= MAX_RECORD_BYTES ? length : undefined;
}

/** Reads the body buffer[start, end) back into the entry (keys in canonicalEntry's order: page after size); throws on damage. */
export function decodeEntry(buffer: Buffer, start: number, end: number): CaptureEntry {
  if (buffer[start] !== RECORD_MARK) throw new Error('not a session record');
  let at = start + 1;
  const number = () => {
    const value = buffer.readDoubleLE(at);
    at += 8;
    return value;
  };
  const string = () => {
    const length = buffer.readUInt32LE(at);
    at += 4;
    if (at + length > end) throw new Error('session record cut short');
    const value = buffer.toString('utf8', at, at + length);
    at += length;
    return value;
  };
  const seq = number();
  const wallTime = number();
  const monoTime = number();
  const size = number();
  const kind = KINDS[buffer[at++] ?? -1];
  const direction = DIRECTIONS[buffer[at++] ?? -1];
  if (kind === undefined || direction === undefined) throw new Error('session record with an unknown kind or direction');
  const bits = buffer.readUInt16LE(at);
  at += 2;
  const clientId = string();
  const connectionId = string();
  const name = string();
  const entry: CaptureEntry = { seq, wallTime, monoTime, clientId, connectionId, kind, name, direction, size };
  if (bits & HAS.page) entry.page = string();
  if (bits & HAS.opcode) entry.opcode = number();
  if (bits & HAS.payload) entry.payload = string();
  if (bits & HAS.binary) entry.binary = (bits & HAS.binaryTrue) !== 0;
  if (bits & HAS.truncated) entry.truncated = (bits & HAS.truncatedTrue) !== 0;
  if (bits & HAS.errorCode) entry.errorCode = number();
  if (bits & HAS.errorMessage) entry.errorMessage = string();
  if (bits & HAS.cause) entry.cause = string();
  if (bits & HAS.detail) entry.detail = JSON.parse(string()) as Record<string, Json>;
  if (at !== end) throw new Error('session record length mismatch');
  return entry;
}

function writeString(buffer: Buffer, at: number, text: string): number {
  const length = buffer.write(text, at + 4, 'utf8');
  buffer.writeUInt32LE(length, at);
  return at + 4 + length;
}
