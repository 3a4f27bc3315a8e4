// What a burst of sends writes to the capture: per send a call, an outgoing frame and a result entry, the
// same whether read back as appended (the newest RECENT_OBJECTS) or rebuilt from the ring's columns, and
// the same as before the send path built them as stamped literals (docs/architecture.md#the-send-paths-cost).
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import { labPerFile } from '../lab/test-support/lab-per-file';
import { createEngine } from './engine';
import { RECENT_OBJECTS } from './entry-ring';
import type { Engine } from './ports';
import { attachWireTestClient } from './test-support/wire-test-client';

const lab = labPerFile();
let engine: Engine;

afterEach(async () => {
  await engine?.shutdown();
});

/** The entries of send `callId` with the stamped fields left out (they differ per entry). */
function entriesOfSend(entries: CaptureEntry[], callId: number, frameSeq: number): unknown[] {
  const ofCall = entries.filter((entry) => entry.detail?.callId === callId || entry.seq === frameSeq);
  return ofCall.map(({ seq: _seq, wallTime: _wall, monoTime: _mono, ...rest }) => JSON.parse(JSON.stringify(rest)) as unknown);
}

describe('the capture entries of a burst of sends', () => {
  it('are a call, a frame out and a result per send, equal whether appended or rebuilt from the ring', async () => {
    engine = createEngine();
    const client = attachWireTestClient(engine);
    client.call('connect', { url: lab.url('echo') });
    await client.event(null, 'open');
    const sends = RECENT_OBJECTS + 200;
    const callIds = Array.from({ length: sends }, (_, index) => client.call('send', { data: `m${index}` }));
    for (const callId of callIds) expect(await client.result(callId)).toMatchObject({ ok: true });
    const entries = [...engine.capture.from(0)];
    const frameSeqOf = (index: number): number => entries.find((entry) => entry.kind === 'frame' && entry.direction === 'out' && entry.payload === `m${index}`)?.seq ?? -1;
    const expected = (index: number, callId: number): unknown[] => [
      { clientId: expect.any(String) as unknown, connectionId: 's1', kind: 'call', name: 'sendSocketMessage', direction: 'none', size: 0, detail: { callId, target: null, options: { data: `m${index}` } } },
      { clientId: expect.any(String) as unknown, connectionId: 's1', kind: 'frame', name: 'text', direction: 'out', opcode: 1, size: `m${index}`.length, payload: `m${index}`, binary: false },
      { clientId: expect.any(String) as unknown, connectionId: 's1', kind: 'result', name: 'sendSocketMessage', direction: 'none', size: 0, detail: { callId, ok: true, payload: { success: true } } },
    ];
    // The first send's entries are rebuilt from the ring's columns, the last one's are the appended objects.
    for (const index of [0, sends - 1]) {
      const callId = callIds[index] as number;
      const found = entriesOfSend(entries, callId, frameSeqOf(index));
      expect(found).toStrictEqual(expected(index, callId));
    }
    const first = entries.find((entry) => entry.kind === 'result' && entry.detail?.callId === callIds[0]);
    const last = entries.find((entry) => entry.kind === 'result' && entry.detail?.callId === callIds.at(-1));
    expect(Object.keys(first ?? {}).sort()).toEqual(Object.keys(last ?? {}).sort());
  });
});
