// The writer thread's plain-frame path (EntryUnbatcher → appendPlainFrame → encodePlainFrame) against the
// entry path (append → encodeEntry): the same entries must make the same session file, byte for byte.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../../shared/capture';
import { EntryBatcher, EntryUnbatcher } from './entry-batch';
import { createSessionWriter, type SessionWriter } from './session-writer';
import { sessionPaths } from './session-files';
import { frameEntry, withTempDir } from './test-support/entries';

const TEXTS = ['', 'a', 'x'.repeat(32), 'x'.repeat(33), `${'x'.repeat(31)}é`, '😀 \u0000 拒绝', '\u007f', 'y'.repeat(5000), `${'z'.repeat(999)}é`];

/** Plain frames of every kind of text, both binary values, changing and repeated ids, and other entries between them. */
function entries(): CaptureEntry[] {
  const all: CaptureEntry[] = [];
  for (let i = 0; i < 6000; i += 1) {
    const seq = 40 + i;
    const text = TEXTS[i % TEXTS.length] ?? '';
    const plain: CaptureEntry = {
      seq, wallTime: 1_765_000_000_000.125 + seq * 0.001, monoTime: seq / 7, clientId: i % 11 === 0 ? `app-${i % 3}` : 'app-1', connectionId: i % 13 === 0 ? '' : `t${i % 4}`,
      kind: 'frame', name: i % 2 === 0 ? 'text' : 'binary', direction: i % 5 === 0 ? 'out' : 'in', opcode: i % 2 === 0 ? 1 : 2, size: text.length * 3 + i, payload: text, binary: i % 2 === 1,
    };
    if (i % 97 === 0) all.push({ ...frameEntry(seq), detail: { cause: 'a frame with a detail', n: i } });
    else if (i % 89 === 0) all.push({ ...plain, truncated: true });
    else if (i % 83 === 0) all.push(frameEntry(seq, 'tx', text));
    else all.push(plain);
  }
  return all;
}

async function sessionFile(dir: string, name: string, write: (writer: SessionWriter) => void): Promise<Buffer> {
  const paths = sessionPaths(dir, name);
  await mkdir(paths.dir);
  const writer = createSessionWriter({ paths, firstSeq: 40, flushIntervalMs: 60_000 });
  write(writer);
  writer.close();
  return readFile(join(paths.dir, 'entries.bin'));
}

describe('plain frames on the writer thread', () => {
  it('write the same session file through the batch (plain-frame path) as through append (entry path)', async () => {
    await withTempDir(async (dir) => {
      const written = entries();
      const plainFrames = written.filter((entry) => entry.binary !== undefined && entry.truncated === undefined && entry.detail === undefined).length;
      expect(plainFrames).toBeGreaterThan(5000);
      const viaEntries = await sessionFile(dir, 'entries', (writer) => written.forEach((entry) => writer.append(entry)));
      let fastPath = 0;
      const viaBatches = await sessionFile(dir, 'batches', (writer) => {
        const batcher = new EntryBatcher(700);
        const unbatcher = new EntryUnbatcher();
        const counting = { append: (entry: CaptureEntry) => writer.append(entry), appendPlainFrame: (...fields: Parameters<SessionWriter['appendPlainFrame']>) => {
          fastPath += 1;
          writer.appendPlainFrame(...fields);
        } };
        for (const entry of written) {
          if (entry.binary !== undefined && entry.truncated === undefined && entry.detail === undefined && entry.payload !== undefined && entry.opcode !== undefined) {
            batcher.addPlainFrame(entry.seq, entry.wallTime, entry.monoTime, entry.size, entry.kind, entry.direction, entry.clientId, entry.connectionId, entry.name, entry.opcode, entry.payload, entry.binary);
          } else batcher.add(entry);
          if (batcher.size === batcher.capacity) unbatcher.forEach(structuredClone(batcher.take()), counting);
        }
        unbatcher.forEach(structuredClone(batcher.take()), counting);
      });
      expect(fastPath).toBe(plainFrames);
      expect(viaBatches.length).toBe(viaEntries.length);
      expect(viaBatches.equals(viaEntries)).toBe(true);
    });
  });
});
