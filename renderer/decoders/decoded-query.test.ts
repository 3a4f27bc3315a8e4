// Decoded-field filters (docs/architecture.md#decoded-field-filters) through the frame log's own compiler:
// frames made by mqtt-packet and msgpack, a decoder chosen per connection, ordinary text unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import mqttPacket from 'mqtt-packet';
import { encode } from '@msgpack/msgpack';
import { compileFilters } from '../frame-log/filter';
import { NO_FILTERS } from '../store/log-filters';
import { entry } from '../timeline/test-support/timeline-entries';
import { useDecoderChoices } from './decoder-choices';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const publish = (topic: string) => base64(mqttPacket.generate({ cmd: 'publish', topic, payload: Buffer.from('x'), qos: 0, retain: false, dup: false }));
const frame = (seq: number, connectionId: string, payload: string) => entry(seq, seq, { connectionId, kind: 'frame', name: 'binary', opcode: 2, binary: true, payload, size: 10 });

afterEach(() => {
  for (const id of ['t1', 't2']) useDecoderChoices.getState().choose(id, undefined);
});

describe('event: / topic: / type: filters', () => {
  it('match the decoded field of frames whose connection has a decoder, as a regex', () => {
    useDecoderChoices.getState().choose('t1', { decoder: 'mqtt' });
    const orders = frame(1, 't1', publish('alipay/orders/7'));
    const prices = frame(2, 't1', publish('alipay/prices'));
    const undecoded = frame(3, 't2', publish('alipay/orders/8'));
    const filter = compileFilters({ ...NO_FILTERS, text: 'topic:^alipay/orders' });
    expect([orders, prices, undecoded].map((e) => filter.test(e))).toEqual([true, false, false]);
    expect(compileFilters({ ...NO_FILTERS, text: 'type:publish' }).test(prices)).toBe(true);
    expect(compileFilters({ ...NO_FILTERS, text: 'event:chat' }).test(orders)).toBe(false);
  });

  it('follow a change of decoder, and a protobuf connection matches its message type without decoding', () => {
    useDecoderChoices.getState().choose('t2', { decoder: 'msgpack' });
    const packed = frame(4, 't2', base64(encode({ a: 1 })));
    expect(compileFilters({ ...NO_FILTERS, text: 'type:map' }).test(packed)).toBe(true);
    useDecoderChoices.getState().choose('t2', { decoder: 'protobuf', proto: 'syntax = "proto3"; message Tick { int32 p = 1; }', messageType: 'Tick' });
    expect(compileFilters({ ...NO_FILTERS, text: 'type:^Tick$' }).test(packed)).toBe(true);
    useDecoderChoices.getState().choose('t2', null);
    expect(compileFilters({ ...NO_FILTERS, text: 'type:map' }).test(packed)).toBe(false);
  });

  it('leave ordinary text filters alone', () => {
    expect(compileFilters({ ...NO_FILTERS, text: 'hello' }).test(entry(5, 5, { payload: 'hello world' }))).toBe(true);
  });
});
