// Reading a session's entries.jsonl: complete lines only (a torn last line is never yielded), from the
// indexed offset nearest below the first wanted seq, in chunks, so memory stays bounded for any size.
import { open } from 'node:fs/promises';
import type { CaptureEntry } from '../../../shared/capture';
import { INDEX_STRIDE } from './session-files';

const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

export interface Line {
  text: string;
  /** Byte offset of the line's first byte. */
  start: number;
  /** Byte offset just past its newline. */
  next: number;
}

/** The newline-terminated lines of `path` between byte offsets `start` and `end`. */
export async function* readLines(path: string, start = 0, end = Infinity): AsyncGenerator<Line> {
  const file = await open(path, 'r');
  try {
    let carry = Buffer.alloc(0);
    let carryStart = start;
    let position = start;
    while (position < end) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, end - position));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const data = carry.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      let lineStart = 0;
      for (let newline = data.indexOf(NEWLINE); newline !== -1; newline = data.indexOf(NEWLINE, lineStart)) {
        yield { text: data.toString('utf8', lineStart, newline), start: carryStart + lineStart, next: carryStart + newline + 1 };
        lineStart = newline + 1;
      }
      // Copy the remainder: it must not keep the whole chunk alive.
      carry = Buffer.from(data.subarray(lineStart));
      carryStart += lineStart;
    }
  } finally {
    await file.close();
  }
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
  let seq = file.firstSeq + block * INDEX_STRIDE;
  for await (const line of readLines(file.path, file.index[block] ?? 0, file.bytes)) {
    if (seq >= fromSeq) yield parseEntryLine(line.text);
    seq += 1;
    if (seq >= toSeq) return;
  }
}

/** A line the store wrote itself; the seq check catches a file that is not what the store believes. */
export function parseEntryLine(text: string): CaptureEntry {
  const entry = JSON.parse(text) as CaptureEntry;
  if (typeof entry.seq !== 'number') throw new Error('session file damaged: a line without seq');
  return entry;
}

/** Rebuilds the offset index by scanning (a recovered session, or an index file lost). */
export async function scanIndex(path: string, bytes: number): Promise<{ index: number[]; entries: number }> {
  const index: number[] = [];
  let entries = 0;
  for await (const line of readLines(path, 0, bytes)) {
    if (entries % INDEX_STRIDE === 0) index.push(line.start);
    entries += 1;
  }
  return { index, entries };
}
