// Entries and temp folders for the session store's tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaptureEntry } from '../../../../shared/capture';

/** A received text frame with seq `seq` on connection `connectionId`. */
export function frameEntry(seq: number, connectionId = 't1', payload = `frame-${seq}`): CaptureEntry {
  return { seq, wallTime: 1_765_000_000_000 + seq, monoTime: seq, clientId: 'app-1', connectionId, kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: payload.length, payload };
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'msd-sessions-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
