// Frame breakpoints on real sockets (docs/debugging.md#frame-breakpoints): a matching frame is held before
// the app (in) or the server (out), frames behind it wait in order, other connections flow, and the held
// frame is forwarded (edited), dropped, or forwarded with its rule disabled.
import { describe, expect, it } from 'vitest';
import type { BreakpointRule } from '../../../shared/debugging/breakpoint-rules';
import type { EngineMessage } from '../../../shared/my-wire';
import { heldFrames, useDebugRig } from './test-support/debug-rig';

const rig = useDebugRig();

function rule(partial: Partial<BreakpointRule> & Pick<BreakpointRule, 'match'>): BreakpointRule {
  return { id: 'r1', enabled: true, direction: 'in', connection: '', ...partial };
}

function messagesOf(target: string | null): string[] {
  return rig.client.messages.flatMap((message: EngineMessage) => (message.kind === 'event' && message.target === target && message.payload.event === 'message' ? [message.payload.data] : []));
}

async function paused(count = 1) {
  const list = await heldFrames(rig, count);
  expect(list.length).toBe(count);
  return list;
}

async function open(target: string | null, path = '/a'): Promise<void> {
  rig.client.call('connect', { url: `${rig.server.url}${path}` }, target);
  await rig.client.event(target, 'open');
}

describe('incoming breakpoints', () => {
  it('hold a matching frame and the frames behind it, in order, while another connection flows; an edit reaches the app', async () => {
    rig.engine.debug.command({ op: 'set-breakpoints', rules: [rule({ connection: '/a', match: { kind: 'regex', pattern: '"type":\\s*"price"', flags: '' } })] });
    await open('t1', '/a');
    await open('t2', '/b');
    const held = await rig.server.connection(0);
    const other = await rig.server.connection(1);
    held.send('{"n":1}');
    held.send('{"type": "price","v":5}');
    held.send('{"n":3}');
    held.send('{"n":4}');
    other.send('{"type": "price","v":1}');
    const [pause] = await paused();
    await rig.client.waitFor((m) => m.kind === 'event' && m.target === 't2' && m.payload.event === 'message');
    expect(messagesOf('t1')).toEqual(['{"n":1}']);
    expect(messagesOf('t2')).toEqual(['{"type": "price","v":1}']);
    expect(pause).toMatchObject({ connectionId: 't1', direction: 'in', data: '{"type": "price","v":5}', ruleId: 'r1', waiting: 2 });
    expect([...rig.engine.capture.from(0)].some((entry) => entry.name === 'breakpoint-paused' && entry.payload === pause?.data)).toBe(true);
    expect(rig.engine.state().debugging?.paused).toHaveLength(1);

    rig.engine.debug.command({ op: 'resume', pauseId: pause?.pauseId ?? '', action: 'forward', frame: { data: '{"type":"price","v":99}', binary: false } });
    await rig.client.waitFor((m) => m.kind === 'event' && m.target === 't1' && m.payload.event === 'message' && m.payload.data === '{"n":4}');
    expect(messagesOf('t1')).toEqual(['{"n":1}', '{"type":"price","v":99}', '{"n":3}', '{"n":4}']);
    const forwarded = [...rig.engine.capture.from(0)].find((entry) => entry.name === 'breakpoint-forwarded');
    expect(forwarded).toMatchObject({ direction: 'in', payload: '{"type":"price","v":99}', detail: { edited: true } });
  });

  it('drop removes the frame; forward-and-disable lets every later frame through', async () => {
    rig.engine.debug.command({ op: 'set-breakpoints', rules: [rule({ match: { kind: 'field', path: 'type', equals: 'tick' } })] });
    await open(null);
    const socket = await rig.server.connection(0);
    socket.send('{"type":"tick","n":1}');
    socket.send('{"type":"tick","n":2}');
    socket.send('{"type":"tick","n":3}');
    const [first] = await paused();
    rig.engine.debug.command({ op: 'resume', pauseId: first?.pauseId ?? '', action: 'drop' });
    const [second] = await paused();
    expect(second?.data).toBe('{"type":"tick","n":2}');
    rig.engine.debug.command({ op: 'resume', pauseId: second?.pauseId ?? '', action: 'forward-and-disable' });
    await rig.client.waitFor((m) => m.kind === 'event' && m.payload.event === 'message' && m.payload.data.includes('"n":3'));
    expect(messagesOf(null)).toEqual(['{"type":"tick","n":2}', '{"type":"tick","n":3}']);
    expect(rig.engine.debug.state().breakpoints[0]?.enabled).toBe(false);
    expect(rig.engine.debug.state().paused).toEqual([]);
  });

  it('a close behind a paused frame waits for it (from the server or the panel); after forward or drop the close comes last', async () => {
    rig.engine.debug.command({ op: 'set-breakpoints', rules: [rule({ match: { kind: 'text', text: 'hold' } })] });
    await open(null);
    const socket = await rig.server.connection(0);
    socket.send('hold me');
    socket.close(4000, 'bye');
    const [pause] = await paused();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rig.client.trace()).not.toContain('close:4000');
    rig.engine.debug.command({ op: 'resume', pauseId: pause?.pauseId ?? '', action: 'forward' });
    await rig.client.event(null, 'close');
    expect(rig.client.trace().slice(-2)).toEqual(['message', 'close:4000']);

    socket.terminate();
    await open('t1');
    const second = await rig.server.connection(1);
    second.send('hold this one');
    const [held] = await paused();
    rig.engine.forceClose('t1', 1000, 'from the panel');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rig.client.trace('t1')).not.toContain('close:1000');
    rig.engine.debug.command({ op: 'resume', pauseId: held?.pauseId ?? '', action: 'drop' });
    await rig.client.event('t1', 'close');
    expect(rig.client.trace('t1').filter((step) => !step.startsWith('ok#'))).toEqual(['open', 'close:1000']);
  });

  it('a frame still held when the engine abandons the connection (replaced by a new connect) is discarded, never delivered after its close', async () => {
    rig.engine.debug.command({ op: 'set-breakpoints', rules: [rule({ connection: '/first', match: { kind: 'any' } })] });
    await open(null, '/first');
    (await rig.server.connection(0)).send('held');
    await paused();
    rig.client.call('connect', { url: `${rig.server.url}/second` });
    await rig.client.waitFor((m) => m.kind === 'event' && m.payload.event === 'open' && rig.client.trace().filter((step) => step === 'open').length === 2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rig.client.trace().filter((step) => !step.startsWith('ok#'))).toEqual(['open', 'close:1000', 'open']);
    expect(rig.engine.debug.state().paused).toEqual([]);
    expect([...rig.engine.capture.from(0)].filter((entry) => entry.name === 'breakpoint-dropped').map((entry) => entry.detail?.why)).toEqual(['replaced by connectSocket']);
  });
});

describe('outgoing breakpoints', () => {
  it('hold a matching send before the server; the sends behind it wait; binary edited as base64 reaches the server', async () => {
    rig.engine.debug.command({ op: 'set-breakpoints', rules: [rule({ direction: 'out', match: { kind: 'text', text: 'cafe' } })] });
    await open(null);
    rig.client.call('send', { data: 'first' });
    const held = rig.client.call('send', { data: Buffer.from([0xca, 0xfe, 0x01]).toString('base64'), isBuffer: true });
    rig.client.call('send', { data: 'third' });
    await rig.server.receivedCount(1);
    const [pause] = await paused();
    expect(pause).toMatchObject({ direction: 'out', binary: true, waiting: 1 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rig.server.received.map((r) => r.data)).toEqual(['first']);
    rig.engine.debug.command({ op: 'resume', pauseId: pause?.pauseId ?? '', action: 'forward', frame: { data: Buffer.from([0xbe, 0xef]).toString('base64'), binary: true } });
    await rig.server.receivedCount(3);
    expect(rig.server.received.map((r) => r.data)).toEqual(['first', 'beef', 'third']);
    expect(await rig.client.result(held)).toMatchObject({ ok: true });
  });
});

describe('programmatic routes (the engine side of sockets.route)', () => {
  it('a route handler forwards a changed frame or drops it, synchronously or later', async () => {
    const seen: string[] = [];
    const stop = rig.engine.debug.route(
      (frame) => frame.direction === 'in' && frame.data.startsWith('route'),
      (frame) => {
        seen.push(frame.info.data);
        if (frame.info.data === 'route drop') frame.drop();
        else setTimeout(() => frame.forward({ data: frame.info.data.toUpperCase(), binary: false }), 10);
      },
    );
    await open(null);
    const socket = await rig.server.connection(0);
    socket.send('route drop');
    socket.send('route keep');
    socket.send('plain');
    await rig.client.waitFor((m) => m.kind === 'event' && m.payload.event === 'message' && m.payload.data === 'plain');
    expect(messagesOf(null)).toEqual(['ROUTE KEEP', 'plain']);
    expect(seen).toEqual(['route drop', 'route keep']);
    stop();
    socket.send('route after stop');
    await rig.client.waitFor((m) => m.kind === 'event' && m.payload.event === 'message' && m.payload.data === 'route after stop');
  });
});
