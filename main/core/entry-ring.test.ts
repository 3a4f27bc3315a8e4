import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import { canonicalEntry } from '../../shared/jsonl';
import { createEntryRing, RECENT_OBJECTS } from './entry-ring';

const CAPACITY = RECENT_OBJECTS * 3;

function frame(seq: number): CaptureEntry {
  return { seq, wallTime: 1_765_000_000_000.5 + seq, monoTime: seq / 3, clientId: 'app-1', connectionId: `t${seq % 5}`, kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: 3, payload: `p${seq}`, binary: false };
}

const full: Omit<CaptureEntry, 'seq'> = {
  wallTime: 1.25, monoTime: 0.1 + 0.2, clientId: 'app-✓', page: 'pages/chat/chat', connectionId: 's1', kind: 'error', name: 'error', direction: 'none',
  opcode: 8, size: 0, payload: '😀', binary: true, truncated: true, errorCode: 12, errorMessage: 'refused — 拒绝', cause: 'ECONNREFUSED', detail: { url: 'ws://127.0.0.1:1', nested: { n: null } },
};

describe('struct-of-arrays entry ring', () => {
  it('gives the newest entries back as the objects appended, older ones as equal copies in canonical key order', () => {
    const ring = createEntryRing(CAPACITY);
    const appended = Array.from({ length: CAPACITY }, (_, seq) => frame(seq));
    appended.forEach((entry) => ring.put(entry));
    expect(ring.read(CAPACITY - 1)).toBe(appended[CAPACITY - 1]);
    const old = ring.read(0);
    expect(old).not.toBe(appended[0]);
    expect(old).toStrictEqual(appended[0]);
    expect(JSON.stringify(old)).toBe(JSON.stringify(canonicalEntry(appended[0] as CaptureEntry)));
    for (let seq = 0; seq < CAPACITY; seq += 1) expect(ring.read(seq)).toStrictEqual(appended[seq]);
  });

  it('keeps every optional field exactly, and leaves absent ones absent', () => {
    const ring = createEntryRing(CAPACITY);
    const rich = { seq: 0, ...full };
    const bare: CaptureEntry = { seq: 1, wallTime: 2, monoTime: 3, clientId: '', connectionId: '', kind: 'warning', name: '', direction: 'out', size: 0 };
    const falses: CaptureEntry = { ...bare, seq: 2, binary: false, truncated: false, opcode: 0, errorCode: 0, errorMessage: '', cause: '' };
    [rich, bare, falses].forEach((entry) => ring.put({ ...entry }));
    // Push them out of the recent objects: now they are rebuilt from the columns.
    for (let seq = 3; seq < 3 + RECENT_OBJECTS; seq += 1) ring.put(frame(seq));
    expect(ring.read(0)).toStrictEqual(canonicalEntry(rich));
    expect(ring.read(1)).toStrictEqual(bare);
    expect(ring.read(2)).toStrictEqual(canonicalEntry(falses));
    expect(ring.read(0).detail).toBe(rich.detail);
  });

  it('a slot reused by a later seq holds only the new entry', () => {
    const ring = createEntryRing(CAPACITY);
    ring.put({ seq: 0, ...full });
    ring.release(0);
    expect(ring.fields.payloadLength(0)).toBe(0);
    const next = frame(CAPACITY);
    ring.put(next);
    for (let seq = CAPACITY + 1; seq <= CAPACITY + RECENT_OBJECTS; seq += 1) ring.put(frame(seq));
    expect(ring.read(CAPACITY)).toStrictEqual(next);
    ring.releaseAll();
    expect(ring.fields.payloadLength(CAPACITY)).toBe(0);
    // Overwritten without a release, an error entry's fields do not stick to the slot either.
    ring.put({ seq: 1, ...full });
    ring.put(frame(CAPACITY + 1));
    for (let seq = CAPACITY + 2; seq <= CAPACITY + 1 + RECENT_OBJECTS; seq += 1) ring.put(frame(seq));
    expect(ring.read(CAPACITY + 1)).toStrictEqual(frame(CAPACITY + 1));
  });
});
