// Incoming frames logged into the ring's columns without an entry object (docs/architecture.md#capture-cpu):
// every reader sees the same entry `append` would have logged, the newest as one shared object, older ones
// rebuilt; the fields readers (stream, run summary) read the columns.
import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import { createCaptureLog } from './capture-log';
import { RECENT_OBJECTS } from './entry-ring';
import type { Clock, NewCaptureEntry } from './ports';

/** A clock whose readings go 1, 2, 3… ms, wall time 1.7e12 + that. */
function steppingClock(): Clock {
  let mono = 0;
  return { now: () => 1_700_000_000_000 + mono, monotonic: () => (mono += 1), wallTimeOf: (monoTime) => 1_700_000_000_000 + monoTime };
}

function incoming(seq: number, binary: boolean, payload: string): NewCaptureEntry {
  return { clientId: 'app-1', connectionId: `s${seq % 3}`, kind: 'frame', name: binary ? 'binary' : 'text', direction: 'in', opcode: binary ? 2 : 1, size: payload.length, payload, binary };
}

describe('incoming frames logged from their fields', () => {
  it('reads back exactly what append logs for the same frames, times included, the newest and the rebuilt ones', () => {
    const count = RECENT_OBJECTS * 3;
    const byObject = createCaptureLog({ capacity: count, payloadCap: 8 }, steppingClock());
    const byFields = createCaptureLog({ capacity: count, payloadCap: 8 }, steppingClock());
    for (let seq = 0; seq < count; seq += 1) {
      const binary = seq % 2 === 1;
      const text = seq % 7 === 0 ? `long payload ${seq}` : `p${seq}`;
      const bytes = Buffer.from(text);
      const payload = binary ? bytes.toString('base64') : text;
      const entry = incoming(seq, binary, payload);
      byObject.append(entry);
      byFields.appendFrame(entry.clientId, entry.connectionId, binary, entry.size, payload, bytes);
    }
    expect(byFields.stats()).toStrictEqual(byObject.stats());
    expect(byFields.heldBytes()).toBe(byObject.heldBytes());
    for (let seq = 0; seq < count; seq += 1) expect(byFields.get(seq)).toStrictEqual(byObject.get(seq));
    expect(byFields.get(14)).toMatchObject({ payload: 'long pay', truncated: true, wallTime: 1_700_000_000_015, monoTime: 15 });
    expect(byFields.get(7)).toMatchObject({ payload: 'bG9uZyBw', truncated: true, binary: true });
  });

  it('builds a frame for each read, and evicts and bounds bytes as append does', () => {
    const log = createCaptureLog({ capacity: 10, maxBytes: 10_000 });
    const seen: CaptureEntry[] = [];
    log.onChange(() => seen.push(log.get(log.nextSeq() - 1) as CaptureEntry));
    for (let i = 0; i < 40; i += 1) log.appendFrame('app-1', 's1', false, 1000, 'x'.repeat(1000), Buffer.from('x'.repeat(1000)));
    const { total, held, dropped } = log.stats();
    // Its payload in the arena, a frame is decoded for each read and kept by none (docs/architecture.md#capture-cpu).
    expect(seen.at(-1)).not.toBe(log.get(total - 1));
    expect(seen.at(-1)).toStrictEqual(log.get(total - 1));
    expect(seen.map((entry) => entry.seq)).toStrictEqual(Array.from({ length: total }, (_, i) => i));
    // 40 frames and the byte bound's one warning; 3 frames of 2,512 B fit in 10,000 B.
    expect(seen.filter((entry) => entry.kind === 'frame')).toHaveLength(40);
    expect(seen.filter((entry) => entry.kind === 'warning').map((entry) => entry.name)).toStrictEqual(['capture-memory-bound']);
    expect([total, held + dropped, held]).toStrictEqual([41, 41, 3]);
  });

  it('answers the fields of held entries from the columns', () => {
    const log = createCaptureLog({ capacity: 10 });
    log.appendFrame('app-1', 's1', true, 3, 'AAEC', Buffer.from([0, 1, 2]));
    log.append({ clientId: 'app-1', connectionId: 's1', kind: 'error', name: 'error', direction: 'in', size: 0, errorCode: 12, errorMessage: 'x' });
    log.append({ clientId: 'app-1', connectionId: 's1', kind: 'lifecycle', name: 'closed', direction: 'none', size: 0 });
    const { fields } = log;
    expect([0, 1, 2].map((seq) => [fields.kind(seq), fields.direction(seq), fields.opcode(seq), fields.name(seq), fields.errorCode(seq), fields.payloadLength(seq)])).toStrictEqual([
      ['frame', 'in', 2, 'binary', undefined, 4],
      ['error', 'in', undefined, 'error', 12, 0],
      ['lifecycle', 'none', undefined, 'closed', undefined, 0],
    ]);
    expect(fields.monoTime(2)).toBe((log.get(2) as CaptureEntry).monoTime);
  });
});
