import { describe, expect, it } from 'vitest';
import { createCaptureLog } from './capture-log';
import type { NewCaptureEntry } from './ports';

const frame = (payload: string): NewCaptureEntry => ({
  clientId: 'app-1', connectionId: 's1', kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: payload.length, payload,
});

describe('capture log ring', () => {
  it('numbers entries in order and stamps wall and monotonic time', () => {
    const log = createCaptureLog({ capacity: 10 });
    const a = log.append(frame('a'));
    const b = log.append(frame('b'));
    expect([a.seq, b.seq]).toEqual([0, 1]);
    expect(b.monoTime).toBeGreaterThanOrEqual(a.monoTime);
    expect(Math.abs(a.wallTime - Date.now())).toBeLessThan(60_000);
    expect([...log.from(0)].map((e) => e.payload)).toEqual(['a', 'b']);
  });

  it('evicts the oldest entries and counts every eviction exactly', () => {
    const log = createCaptureLog({ capacity: 1000 });
    for (let i = 0; i < 12_345; i += 1) log.append(frame(String(i)));
    expect(log.stats()).toEqual({ total: 12_345, dropped: 11_345, held: 1000, capacity: 1000, cleared: 0 });
    const held = [...log.from(0)];
    expect(held[0]?.seq).toBe(11_345);
    expect(held.every((e, i) => e.seq === 11_345 + i && e.payload === String(e.seq))).toBe(true);
    expect(log.get(11_344)).toBeUndefined();
    expect(log.get(12_344)?.payload).toBe('12344');
  });

  it('reads every held entry back whole after the ring wrapped many times, each connection id its own (held compactly, docs/architecture.md#capture-memory)', () => {
    const log = createCaptureLog({ capacity: 3000 });
    const appended = Array.from({ length: 20_000 }, (_, i) => log.append({ ...frame(`é${i}`), connectionId: `t${i}`, ...(i % 7 === 0 ? { errorCode: 11, errorMessage: `cut ${i}`, detail: { i } } : {}) }));
    const held = [...log.from(0)];
    expect(held).toHaveLength(3000);
    held.forEach((entry, i) => expect(entry).toEqual(appended[17_000 + i]));
    expect(log.get(19_999)).toBe(appended[19_999]);
  });

  it('cuts payloads over the cap and flags them', () => {
    const log = createCaptureLog({ capacity: 4, payloadCap: 8 });
    const entry = log.append(frame('0123456789abc'));
    expect(entry.payload).toBe('01234567');
    expect(entry.truncated).toBe(true);
    expect(entry.size).toBe(13);
  });

  it('clears without counting the cleared entries as dropped, and keeps numbering', () => {
    const log = createCaptureLog({ capacity: 4 });
    log.append(frame('a'));
    log.append(frame('b'));
    let changes = 0;
    log.onChange(() => (changes += 1));
    log.clear();
    expect(log.stats()).toMatchObject({ total: 2, dropped: 0, held: 0, cleared: 2 });
    expect(log.append(frame('c')).seq).toBe(2);
    expect(changes).toBe(2);
  });
});

describe('capture byte bound', () => {
  it('evicts the oldest entries once the held bytes pass the bound, counts them as dropped and says so once', () => {
    const log = createCaptureLog({ capacity: 1000, maxBytes: 10_000 });
    const frame = () => ({ clientId: 'c', connectionId: 'k', kind: 'frame' as const, name: 'message', direction: 'in' as const, size: 2000, payload: 'x'.repeat(2000) });
    // Two frames of 4512 bytes fit; the third evicts the first and the warning follows it.
    for (let index = 0; index < 3; index += 1) log.append(frame());
    const last = log.get(log.nextSeq() - 1);
    expect(last?.name).toBe('capture-memory-bound');
    expect(last?.detail).toMatchObject({ maxBytes: 10_000, dropped: 1 });
    for (let index = 0; index < 17; index += 1) log.append(frame());
    expect(log.heldBytes()).toBeLessThanOrEqual(10_000);
    expect(log.stats().total).toBe(21);
    expect(log.stats().total).toBe(log.stats().held + log.stats().dropped);
    log.clear();
    expect(log.heldBytes()).toBe(0);
  });

  it('keeps a payload over the cap cut and flagged, and refuses a nonsense bound', () => {
    const log = createCaptureLog({ payloadCap: 10 });
    const entry = log.append({ clientId: 'c', connectionId: 'k', kind: 'frame', name: 'message', direction: 'in', size: 100, payload: 'y'.repeat(100) });
    expect(entry.payload).toBe('y'.repeat(10));
    expect(entry.truncated).toBe(true);
    expect(() => createCaptureLog({ maxBytes: 0 })).toThrow(RangeError);
  });
});
