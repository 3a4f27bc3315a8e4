import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import { canonicalEntry } from '../../shared/jsonl';
import { CALL_DETAIL, detailShape, type Detail, keptOfDetail, PLAIN_DETAIL, rebuiltDetail, SUCCESS_DETAIL } from './detail-shapes';
import { createEntryRing, RECENT_OBJECTS } from './entry-ring';

const sent = Object.freeze({ success: true });

function roundTrip(detail: Detail | undefined): Detail | undefined {
  const shape = detailShape(detail);
  return rebuiltDetail(shape, typeof detail?.callId === 'number' ? detail.callId : 0, keptOfDetail(shape, detail));
}

describe('send detail shapes', () => {
  it("recognises a send's call and success details only when their keys are exactly those, in that order", () => {
    expect(detailShape({ callId: 7, target: null, options: { data: 'm7' } })).toBe(CALL_DETAIL);
    expect(detailShape({ callId: 7, ok: true, payload: sent })).toBe(SUCCESS_DETAIL);
    expect(detailShape({ callId: 7, ok: true, payload: sent, target: 't1' })).toBe(PLAIN_DETAIL);
    expect(detailShape({ callId: 7, target: 't1', options: {} })).toBe(PLAIN_DETAIL);
    expect(detailShape({ target: null, callId: 7, options: {} })).toBe(PLAIN_DETAIL);
    expect(detailShape({ callId: 7, ok: false, payload: null })).toBe(PLAIN_DETAIL);
    expect(detailShape({ callId: '7', ok: true, payload: null })).toBe(PLAIN_DETAIL);
    expect(detailShape({ callId: 7, target: null })).toBe(PLAIN_DETAIL);
    expect(detailShape(Object.freeze({ callId: 7, ok: true, payload: null }))).toBe(PLAIN_DETAIL);
    expect(detailShape(Object.assign(Object.create({ inherited: 1 }) as Detail, { callId: 7, ok: true, payload: null }))).toBe(PLAIN_DETAIL);
    expect(detailShape(undefined)).toBe(PLAIN_DETAIL);
  });

  it('rebuilds every detail equal, with the same key order, sharing the object inside', () => {
    const options = { data: 'm7' };
    const details: (Detail | undefined)[] = [{ callId: 7, target: null, options }, { callId: -0.5, ok: true, payload: sent }, { callId: 7, ok: true, payload: null }, { url: 'ws://127.0.0.1:1' }, undefined];
    for (const detail of details) {
      const back = roundTrip(detail);
      expect(back).toStrictEqual(detail);
      expect(JSON.stringify(back)).toBe(JSON.stringify(detail));
    }
    expect(roundTrip({ callId: 7, target: null, options })?.options).toBe(options);
    expect(roundTrip({ callId: 1, ok: true, payload: sent })?.payload).toBe(sent);
  });

  it('an entry ring gives older send entries back equal to what was appended, in canonical key order', () => {
    const capacity = RECENT_OBJECTS * 2;
    const ring = createEntryRing(capacity);
    const appended: CaptureEntry[] = [];
    for (let seq = 0; seq < capacity; seq += 1) {
      const base = { seq, wallTime: seq, monoTime: seq, clientId: 'app-1', connectionId: 's1', name: 'sendSocketMessage', direction: 'none' as const, size: 0 };
      const callId = 10 + Math.floor(seq / 3);
      const kinds: CaptureEntry[] = [
        { ...base, kind: 'call', page: 'pages/index/index', detail: { callId, target: null, options: { data: `m${callId}` } } },
        { ...base, kind: 'result', detail: { callId, ok: true, payload: sent } },
        { ...base, kind: 'result', errorCode: 5, errorMessage: 'not open', detail: { callId, ok: false } },
      ];
      appended.push(kinds[seq % 3] as CaptureEntry);
      ring.put(appended[seq] as CaptureEntry);
    }
    for (let seq = 0; seq < capacity - RECENT_OBJECTS; seq += 1) {
      const read = ring.read(seq);
      expect(read).not.toBe(appended[seq]);
      expect(read).toStrictEqual(appended[seq]);
      expect(JSON.stringify(read)).toBe(JSON.stringify(canonicalEntry(appended[seq] as CaptureEntry)));
    }
    // A slot reused by a plain detail does not keep the earlier shape.
    ring.put({ seq: capacity, wallTime: 0, monoTime: 0, clientId: 'app-1', connectionId: 's1', kind: 'lifecycle', name: 'open', direction: 'none', size: 0, detail: { callId: 3, url: 'ws://127.0.0.1:1' } });
    for (let seq = capacity + 1; seq <= capacity + RECENT_OBJECTS; seq += 1) ring.put({ ...(appended[0] as CaptureEntry), seq });
    expect(ring.read(capacity).detail).toStrictEqual({ callId: 3, url: 'ws://127.0.0.1:1' });
  });
});
