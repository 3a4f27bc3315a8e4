// Breakpoints on a decoded field (docs/debugging.md#frame-breakpoints) on real sockets: frames made by each protocol's encoder,
// the decoder detected from the connection (MQTT subprotocol, Socket.IO URL) or set in the rule; only the frame whose
// decoded field matches is held, the ones behind it wait, and the rest flow.
import { describe, expect, it } from 'vitest';
import mqttPacket from 'mqtt-packet';
import { Encoder } from 'socket.io-parser';
import { encode as msgpackEncode } from '@msgpack/msgpack';
import type { BreakpointRule } from '../../../shared/debugging/breakpoint-rules';
import type { EngineMessage } from '../../../shared/my-wire';
import { heldFrames, useDebugRig } from './test-support/debug-rig';

const rig = useDebugRig();

function rule(match: BreakpointRule['match'], direction: BreakpointRule['direction'] = 'in'): BreakpointRule {
  return { id: 'r1', enabled: true, direction, connection: '', match };
}

function messagesOf(target: string | null): string[] {
  return rig.client.messages.flatMap((message: EngineMessage) => (message.kind === 'event' && message.target === target && message.payload.event === 'message' ? [String(message.payload.data)] : []));
}

async function paused() {
  const [pause] = await heldFrames(rig);
  if (!pause) throw new Error('no frame was held');
  return pause;
}

const publish = (topic: string) => mqttPacket.generate({ cmd: 'publish', topic, payload: Buffer.from('{}'), qos: 0, retain: false, dup: false });
const sioEvent = (event: string) => `4${new Encoder().encode({ type: 2, nsp: '/', data: [event, { t: 1 }] })[0] as string}`;

describe('decoded-field breakpoints', () => {
  it('MQTT (detected from the subprotocol): holds the PUBLISH whose topic matches; the frame behind it waits', async () => {
    rig.engine.debug.command({ op: 'set-breakpoints', rules: [rule({ kind: 'decoded', field: 'topic', pattern: '^alipay/orders/' })] });
    rig.client.call('connect', { url: `${rig.server.url}/mqtt`, protocols: ['mqtt'] }, 't1');
    await rig.client.event('t1', 'open');
    const server = await rig.server.connection(0);
    server.send(publish('alipay/prices'));
    server.send(publish('ALIPAY/orders/7'));
    server.send(mqttPacket.generate({ cmd: 'pingresp' }));
    const pause = await paused();
    expect(pause).toMatchObject({ connectionId: 't1', binary: true, data: publish('ALIPAY/orders/7').toString('base64'), waiting: 1 });
    expect(messagesOf('t1')).toHaveLength(1);
    rig.engine.debug.command({ op: 'resume', pauseId: pause.pauseId, action: 'forward' });
    await rig.client.waitFor(() => messagesOf('t1').length === 3);
  });

  it('Socket.IO (detected from the URL): holds the send of the matching event; a dropped send never reaches the server', async () => {
    rig.engine.debug.command({ op: 'set-breakpoints', rules: [rule({ kind: 'decoded', field: 'event', pattern: 'chat' }, 'out')] });
    rig.client.call('connect', { url: `${rig.server.url}/socket.io/?EIO=4&transport=websocket` }, 't2');
    await rig.client.event('t2', 'open');
    rig.client.call('send', { data: sioEvent('typing') }, 't2');
    rig.client.call('send', { data: sioEvent('chat') }, 't2');
    rig.client.call('send', { data: '3' }, 't2');
    const pause = await paused();
    expect(pause).toMatchObject({ direction: 'out', data: sioEvent('chat') });
    rig.engine.debug.command({ op: 'resume', pauseId: pause.pauseId, action: 'drop' });
    await rig.server.receivedCount(2);
    expect(rig.server.received.map((r) => r.data)).toEqual([sioEvent('typing'), '3']);
  });

  it('a decoder set in the rule reads connections nothing is detected on; without it they never match', async () => {
    rig.engine.debug.command({ op: 'set-breakpoints', rules: [{ ...rule({ kind: 'decoded', field: 'type', pattern: '^array$' }), id: 'guess' }, { ...rule({ kind: 'decoded', field: 'type', pattern: '^array$', decoder: 'msgpack' }), id: 'set' }] });
    rig.client.call('connect', { url: `${rig.server.url}/plain` }, 't3');
    await rig.client.event('t3', 'open');
    const server = await rig.server.connection(0);
    server.send(Buffer.from(msgpackEncode({ a: 1 })));
    server.send(Buffer.from(msgpackEncode([1, 2])));
    const pause = await paused();
    expect(pause).toMatchObject({ ruleId: 'set', data: Buffer.from(msgpackEncode([1, 2])).toString('base64') });
    expect(messagesOf('t3')).toHaveLength(1);
  });
});
