// The panel's cache of decoded fields (docs/architecture.md#decoding-cost): a frame is decoded once per decoder while
// it is cached, the cache stays within its bound under a flood, and decoders never share entries.
import { describe, expect, it } from 'vitest';
import mqttPacket from 'mqtt-packet';
import { entry } from '../timeline/test-support/timeline-entries';
import { FIELDS_CACHE_SIZE, decodedFieldsInPanel } from './decoded-cache';

const MQTT = { decoder: 'mqtt' } as const;
const publish = (seq: number, topic: string) =>
  entry(seq, seq, { connectionId: 't1', kind: 'frame', name: 'binary', opcode: 2, binary: true, size: 20, payload: mqttPacket.generate({ cmd: 'publish', topic, payload: Buffer.from('x'), qos: 0, retain: false, dup: false }).toString('base64') });

describe('decodedFieldsInPanel', () => {
  it('decodes a frame once per decoder and keeps decoders apart', () => {
    const frame = publish(1_000_000, 'alipay/orders/7');
    const first = decodedFieldsInPanel(frame, MQTT);
    expect(first).toEqual({ type: 'publish', topic: 'alipay/orders/7' });
    expect(decodedFieldsInPanel(frame, MQTT)).toBe(first);
    // The same seq read as STOMP is decoded by STOMP (and is no STOMP frame), not served from MQTT's entry.
    expect(decodedFieldsInPanel(frame, { decoder: 'stomp' })?.topic).toBeUndefined();
  });

  it('stays within its bound over a flood: the oldest frames are decoded again, the newest are still cached', () => {
    const frames = Array.from({ length: FIELDS_CACHE_SIZE + 1 }, (_, i) => publish(2_000_000 + i, `alipay/orders/${i % 16}`));
    const results = frames.map((frame) => decodedFieldsInPanel(frame, MQTT));
    const [oldest] = frames;
    const newest = frames.at(-1);
    if (!oldest || !newest) throw new Error('no frames');
    const again = decodedFieldsInPanel(oldest, MQTT);
    expect(again).toEqual(results[0]);
    expect(again).not.toBe(results[0]);
    expect(decodedFieldsInPanel(newest, MQTT)).toBe(results.at(-1));
  });
});
