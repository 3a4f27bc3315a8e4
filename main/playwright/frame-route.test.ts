// `sockets.route` with a decoded-field match (docs/debugging.md#frame-breakpoints), on a real socket: MQTT frames made by
// mqtt-packet, the decoder detected from the subprotocol; the route drops the PUBLISH of one topic, the rest flow.
import { expect, it } from 'vitest';
import mqttPacket from 'mqtt-packet';
import type { EngineMessage } from '../../shared/my-wire';
import { useDebugRig } from '../core/debugging/test-support/debug-rig';
import { installFrameRoute } from './frame-route';

const rig = useDebugRig();
const publish = (topic: string) => mqttPacket.generate({ cmd: 'publish', topic, payload: Buffer.from('x'), qos: 0, retain: false, dup: false });

it('a route on a decoded MQTT topic drops only the frames of that topic', async () => {
  const seen: string[] = [];
  installFrameRoute(rig.engine, { direction: 'in', decoded: { field: 'topic', pattern: /^alipay\/orders$/ } }, (frame) => {
    seen.push(frame.payload);
    frame.drop();
  });
  rig.client.call('connect', { url: `${rig.server.url}/mqtt`, protocols: ['mqtt'] }, 't1');
  await rig.client.event('t1', 'open');
  const server = await rig.server.connection(0);
  for (const topic of ['alipay/prices', 'alipay/orders', 'alipay/orders/7']) server.send(publish(topic));
  const delivered = () => rig.client.messages.flatMap((m: EngineMessage) => (m.kind === 'event' && m.payload.event === 'message' ? [String(m.payload.data)] : []));
  await rig.client.waitFor(() => delivered().length === 2);
  expect(delivered()).toEqual([publish('alipay/prices').toString('base64'), publish('alipay/orders/7').toString('base64')]);
  expect(seen).toEqual([publish('alipay/orders').toString('base64')]);
});
