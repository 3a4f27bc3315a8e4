// Reading a session's file of records (entry-codec.ts): whole records only (a torn last record is never
// yielded), from the indexed offset nearest below the first wanted seq, in chunks, so memory stays
// bounded for any session size.
import { open } from 'node:fs/promises';
import type { CaptureEntry } from '../../../shared/capture';
import { decodeEntry, RECORD_HEADER_BYTES, recordBodyLength } from './entry-codec';
import { INDEX_STRIDE } from './session-files';

const CHUNK_BYTES = 1024 * 1024;

export interface RecordAt {
  entry: CaptureEntry;
  /** Byte offset of the record's first byte. */
  start: number;
  /** Byte offset just past it. */
  next: number;
}

/** Turns the record body data[bodyStart, bodyEnd) — the record spans file offsets [start, next) — into a T. */
export type RecordDecoder<T> = (data: Buffer, bodyStart: number, bodyEnd: number, start: number, next: number) => T;

/** Sees one whole record (as RecordDecoder); false stops the walk. */
export type RecordVisitor = RecordDecoder<boolean>;

/** What was read: data[0, length) starts at file offset `offset`; the walker sets `consumed` (whole records). */
export interface FileChunk {
  data: Buffer;
  length: number;
  offset: number;
  consumed: number;
}

/**
 * The bytes of `path` between offsets `start` and `end`, ~1 MiB per read into one reused buffer (the
 * bytes after the chunk's `consumed` are moved to its front for the next read; the buffer grows when one
 * record does not fit). A chunk's data is only valid until the next one is asked for.
 */
export async function* readFileChunks(path: string, start = 0, end = Infinity): AsyncGenerator<FileChunk> {
  const file = await open(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let carried = 0;
    let offset = start;
    let position = start;
    while (position < end) {
      if (carried === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const { bytesRead } = await file.read(buffer, carried, Math.min(buffer.length - carried, end - position), position);
      if (bytesRead === 0) return;
      position += bytesRead;
      const chunk: FileChunk = { data: buffer, length: carried + bytesRead, offset, consumed: 0 };
      yield chunk;
      buffer.copyWithin(0, chunk.consumed, chunk.length);
      carried = chunk.length - chunk.consumed;
      offset += chunk.consumed;
    }
  } finally {
    await file.close();
  }
}

/**
 * Walks the whole records of `chunk` from its start (setting its `consumed`), until `visit` says stop,
 * an incomplete record (it comes whole with the next chunk) or a damaged one, which is returned (a
 * throwing `visit` counts as damage at its record).
 */
export function walkRecords(chunk: FileChunk, visit: RecordVisitor): { stopped: boolean; damage?: unknown } {
  const { data, length, offset } = chunk;
  let at = 0;
  try {
    while (at + RECORD_HEADER_BYTES <= length) {
      const bodyLength = recordBodyLength(data, at);
      if (bodyLength === undefined) return { stopped: false, damage: new Error(`session file damaged at byte ${offset + at}`) };
      const next = at + RECORD_HEADER_BYTES + bodyLength;
      if (next > length) break;
      try {
        if (!visit(data, at + RECORD_HEADER_BYTES, next, offset + at, offset + next)) return { stopped: true };
      } catch (damage) {
        return { stopped: false, damage };
      }
      at = next;
    }
    return { stopped: false };
  } finally {
    chunk.consumed = at;
  }
}

/**
 * The records of `path` between byte offsets `start` and `end`, each turned into a T by `decode`, one
 * array per chunk read (one await per ~1 MiB instead of one per record, for scans over a whole session).
 * Stops (without throwing) at the first incomplete record; throws at a damaged one, which recovery catches
 * to cut the file there. A T must not keep `data`: the buffer is read into again.
 */
export async function* readRecordChunks<T>(path: string, decode: RecordDecoder<T>, start = 0, end = Infinity): AsyncGenerator<T[]> {
  for await (const chunk of readFileChunks(path, start, end)) {
    const records: T[] = [];
    const { damage } = walkRecords(chunk, (data, bodyStart, bodyEnd, recordStart, next) => {
      records.push(decode(data, bodyStart, bodyEnd, recordStart, next));
      return true;
    });
    // The good records before a damaged one still count (recovery keeps them).
    if (records.length > 0) yield records;
    if (damage !== undefined) throw damage;
  }
}

const decodeRecord: RecordDecoder<RecordAt> = (data, bodyStart, bodyEnd, start, next) => ({ entry: decodeEntry(data, bodyStart, bodyEnd), start, next });

/** The records of `path` between byte offsets `start` and `end`, decoded, one by one (see readRecordChunks). */
export async function* readRecords(path: string, start = 0, end = Infinity): AsyncGenerator<RecordAt> {
  for await (const records of readRecordChunks(path, decodeRecord, start, end)) yield* records;
}

/** What a reader needs to know about one session's file. */
export interface EntryFile {
  path: string;
  firstSeq: number;
  /** Entries readable (a live session's flushed count). */
  entries: number;
  /** Bytes readable: entries beyond are not flushed yet or belong to a later snapshot. */
  bytes: number;
  /** Byte offset of entry firstSeq + i * INDEX_STRIDE. */
  index: readonly number[];
}

export interface SeqRange {
  /** First seq wanted (default: the session's first). */
  fromSeq?: number;
  /** One past the last seq wanted (default: the end). */
  toSeq?: number;
}

/** The entries with fromSeq <= seq < toSeq, in seq order. */
export async function* readEntries(file: EntryFile, range: SeqRange = {}): AsyncGenerator<CaptureEntry> {
  const lastSeq = file.firstSeq + file.entries;
  const fromSeq = Math.max(range.fromSeq ?? file.firstSeq, file.firstSeq);
  const toSeq = Math.min(range.toSeq ?? lastSeq, lastSeq);
  if (fromSeq >= toSeq) return;
  const block = Math.floor((fromSeq - file.firstSeq) / INDEX_STRIDE);
  for await (const { entry } of readRecords(file.path, file.index[block] ?? 0, file.bytes)) {
    if (entry.seq >= toSeq) return;
    if (entry.seq >= fromSeq) yield entry;
  }
}

/** Rebuilds the offset index by scanning (an index file lost or not matching). */
export async function scanIndex(path: string, bytes: number): Promise<{ index: number[]; entries: number }> {
  const index: number[] = [];
  let entries = 0;
  for await (const record of readRecords(path, 0, bytes)) {
    if (entries % INDEX_STRIDE === 0) index.push(record.start);
    entries += 1;
  }
  return { index, entries };
}
