// The on-disk layout of one session, a folder `<sessionsDir>/<id>/`:
//   meta.json      written at start: id, start time, mini-app, first seq, the writing process
//   entries.bin    every entry as one length-prefixed binary record (entry-codec.ts), append-only
//   index.bin      at close: byte offset of every INDEX_STRIDE-th entry (float64 LE), for range reads
//   end.json       the clean end marker (or, after a crash, the recovery's), with the final counts
// A folder without end.json whose writer is gone ended in a crash and is recovered at the next start.
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sessionIdSchema } from '../../../shared/session-wire';

/** Every INDEX_STRIDE-th entry's byte offset is kept, so a range read skips at most this many records. */
export const INDEX_STRIDE = 256;

export interface SessionMeta {
  id: string;
  /** ms since the epoch. */
  startedAt: number;
  /** The mini-app being previewed (folder or URL), '' for the demo. */
  miniapp: string;
  /** seq of the session's first entry (the capture's seq keeps counting across sessions). */
  firstSeq: number;
  /** The process writing the session, so another running instance's live session is not "recovered". */
  pid: number;
}

export interface SessionEnd {
  endedAt: number;
  entries: number;
  bytes: number;
  /** The session did not end cleanly: this is what recovery kept. */
  recovered: boolean;
}

export const sessionPaths = (sessionsDir: string, id: string) => {
  const dir = join(sessionsDir, id);
  return { dir, meta: join(dir, 'meta.json'), entries: join(dir, 'entries.bin'), index: join(dir, 'index.bin'), end: join(dir, 'end.json') };
};
export type SessionPaths = ReturnType<typeof sessionPaths>;

/** Ids sort by start time and are safe in a URL path and a file name. */
export function newSessionId(startedAt: number): string {
  return `${new Date(startedAt).toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

export function isSessionId(text: string): boolean {
  return sessionIdSchema.safeParse(text).success;
}

/** Small JSON files are replaced whole through a rename, so a crash leaves the old or the new, never half. */
export async function writeJsonAtomic(path: string, value: SessionMeta | SessionEnd): Promise<void> {
  await writeFile(`${path}.tmp`, `${JSON.stringify(value)}\n`);
  await rename(`${path}.tmp`, path);
}

export async function readMeta(path: string): Promise<SessionMeta | undefined> {
  const json = await readJson(path);
  if (!json || typeof json.id !== 'string' || !isFiniteNumber(json.startedAt) || !isFiniteNumber(json.firstSeq) || !isFiniteNumber(json.pid)) return undefined;
  return { id: json.id, startedAt: json.startedAt, miniapp: typeof json.miniapp === 'string' ? json.miniapp : '', firstSeq: json.firstSeq, pid: json.pid };
}

export async function readEnd(path: string): Promise<SessionEnd | undefined> {
  const json = await readJson(path);
  if (!json || !isFiniteNumber(json.endedAt) || !isFiniteNumber(json.entries) || !isFiniteNumber(json.bytes)) return undefined;
  return { endedAt: json.endedAt, entries: json.entries, bytes: json.bytes, recovered: json.recovered === true };
}

export async function writeIndex(path: string, offsets: readonly number[]): Promise<void> {
  await writeFile(path, Buffer.from(Float64Array.from(offsets).buffer));
}

/** The index, or undefined when it is missing or does not cover `entries` (then the reader rebuilds it). */
export async function readIndex(path: string, entries: number): Promise<number[] | undefined> {
  const bytes = await readFile(path).catch(() => undefined);
  if (!bytes || bytes.length % 8 !== 0) return undefined;
  const offsets = Array.from(new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)));
  return offsets.length === Math.ceil(entries / INDEX_STRIDE) ? offsets : undefined;
}

/** Is a process with this id running? (EPERM: it runs under another user.) */
/** A live writer touches its meta.json this often: its mtime is the heartbeat. */
export const HEARTBEAT_MS = 5000;
/** A heartbeat older than this means the writer is gone even if its pid runs (the pid was reused). */
export const HEARTBEAT_STALE_MS = 60_000;

/** Whether the session's writer still runs: its pid is alive and it touched meta.json lately. */
export async function writerRunning(metaPath: string, pid: number): Promise<boolean> {
  if (!processAlive(pid)) return false;
  try {
    return Date.now() - (await stat(metaPath)).mtimeMs < HEARTBEAT_STALE_MS;
  } catch {
    return false;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
