import { afterEach, describe, expect, it } from 'vitest';
import { labPerFile } from '../lab/test-support/lab-per-file';
import { createEngine } from './engine';
import type { Engine } from './ports';
import { attachWireTestClient } from './test-support/wire-test-client';

const lab = labPerFile();
let engine: Engine;

afterEach(async () => {
  await engine?.shutdown();
});

describe('engine against the lab echo endpoint', () => {
  it('connects, echoes text and binary both ways, and closes with 1000 in the documented order', async () => {
    engine = createEngine();
    const client = attachWireTestClient(engine);
    const connectId = client.call('connect', { url: lab.url('echo') });
    await client.event(null, 'open');

    const textId = client.call('send', { data: 'hello 世界' });
    expect(await client.result(textId)).toEqual({ kind: 'result', callId: textId, ok: true, payload: { success: true } });
    const text = await client.event(null, 'message');
    expect(text.payload).toEqual({ event: 'message', data: 'hello 世界', isBuffer: false });

    const bytes = Buffer.from([0, 1, 2, 250, 251, 255]);
    const binaryId = client.call('send', { data: bytes.toString('base64'), isBuffer: true });
    await client.result(binaryId);
    const binary = await client.waitFor((m) => m.kind === 'event' && m.payload.event === 'message' && m.payload.isBuffer);
    expect(binary.kind === 'event' && binary.payload).toEqual({ event: 'message', data: bytes.toString('base64'), isBuffer: true });

    const closeId = client.call('close', {});
    expect(await client.result(closeId)).toEqual({ kind: 'result', callId: closeId, ok: true, payload: { message: '' } });
    const closed = await client.event(null, 'close');
    expect(closed.payload).toEqual({ event: 'close', code: 1000, reason: '' });

    expect(client.trace()).toEqual([`ok#${connectId}`, 'open', `ok#${textId}`, 'message', `ok#${binaryId}`, 'message', `ok#${closeId}`, 'close:1000']);
    const state = engine.state();
    expect(state.connections).toEqual([expect.objectContaining({ connectionId: 's1', state: 'CLOSED', closeCode: 1000, url: lab.url('echo') })]);

    const kinds = [...engine.capture.from(0)].filter((e) => e.connectionId === 's1').map((e) => `${e.kind}:${e.name}:${e.direction}`);
    expect(kinds).toEqual(
      expect.arrayContaining(['lifecycle:connecting:none', 'lifecycle:open:none', 'frame:text:out', 'frame:text:in', 'frame:binary:out', 'frame:binary:in', 'frame:close:out', 'frame:close:in', 'lifecycle:closed:none']),
    );
  });
});
