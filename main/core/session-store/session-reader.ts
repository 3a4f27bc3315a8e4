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

/**
 * The records of `path` between byte offsets `start` and `end`, each turned into a T by `decode`, one
 * array per chunk read (one await per ~1 MiB instead of one per record, for scans over a whole session).
 * Stops (without throwing) at the first incomplete record; throws at a damaged one, which recovery catches
 * to cut the file there.
 */
export async function* readRecordChunks<T>(path: string, decode: RecordDecoder<T>, start = 0, end = Infinity): AsyncGenerator<T[]> {
  const file = await open(path, 'r');
  try {
    let data = Buffer.alloc(0);
    let dataStart = start; // file offset of data[0]
    let position = start;
    while (position < end) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, end - position));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      data = data.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([data, chunk.subarray(0, bytesRead)]);
      const records: T[] = [];
      let damage: unknown;
      let at = 0;
      while (at + RECORD_HEADER_BYTES <= data.length) {
        const length = recordBodyLength(data, at);
        if (length === undefined) {
          damage = new Error(`session file damaged at byte ${dataStart + at}`);
          break;
        }
        const next = at + RECORD_HEADER_BYTES + length;
        if (next > data.length) break; // the rest of this record comes with the next chunk
        try {
          records.push(decode(data, at + RECORD_HEADER_BYTES, next, dataStart + at, dataStart + next));
        } catch (error) {
          damage = error;
          break;
        }
        at = next;
      }
      // The good records before a damaged one still count (recovery keeps them).
      if (records.length > 0) yield records;
      if (damage !== undefined) throw damage;
      // Copy the remainder: it must not keep the whole chunk alive.
      data = Buffer.from(data.subarray(at));
      dataStart += at;
    }
  } finally {
    await file.close();
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
