// The raw-text pre-check of decoded-field filters (docs/architecture.md#decoding-cost): it may only skip frames that cannot
// match, so a filter with it says exactly what decoding every frame says. Frames are made by each protocol's encoder.
import { describe, expect, it } from 'vitest';
import mqttPacket from 'mqtt-packet';
import { Encoder } from 'socket.io-parser';
import { FrameImpl } from '@stomp/stompjs';
import type { CaptureEntry } from '../capture';
import { decodeEntryFields } from './decode-frame';
import type { DecodedFields, DecoderId } from './decoder-types';

type Decoder = Exclude<DecoderId, 'protobuf'>;
import { rawTextPrecheck } from './field-precheck';

let seq = 0;
function frame(payload: string | Buffer): CaptureEntry {
  seq += 1;
  const binary = typeof payload !== 'string';
  return { seq, monoTime: seq, wallTime: seq, clientId: 'c', connectionId: 't1', kind: 'frame', name: binary ? 'binary' : 'text', direction: 'in', opcode: binary ? 2 : 1, size: payload.length, binary, payload: binary ? payload.toString('base64') : payload };
}
const publish = (topic: string, body = 'x') => frame(mqttPacket.generate({ cmd: 'publish', topic, payload: Buffer.from(body), qos: 0, retain: false, dup: false }));
const subscribe = (topics: string[]) => frame(mqttPacket.generate({ cmd: 'subscribe', messageId: 1, subscriptions: topics.map((topic) => ({ topic, qos: 0 as const })) }));
const sio = (event: string) => frame(`4${new Encoder().encode({ type: 2, nsp: '/', data: [event, { a: 1 }] })[0] as string}`);
const stomp = (destination: string) => frame(new FrameImpl({ command: 'SEND', headers: { destination }, body: 'b' }).serialize() as string);

/** What the filter answers when every frame is decoded. */
function decodedMatch(entry: CaptureEntry, field: keyof DecodedFields, pattern: string, decoder: Decoder): boolean {
  const value = decodeEntryFields(entry, { decoder })?.[field];
  return value !== undefined && new RegExp(pattern, 'i').test(value);
}

describe('rawTextPrecheck', () => {
  const cases: { decoder: Decoder; field: keyof DecodedFields; frames: CaptureEntry[]; patterns: string[] }[] = [
    { decoder: 'mqtt', field: 'topic', frames: [publish('Alipay/Orders/7'), publish('alipay/prices', 'orders'), subscribe(['a/b', 'alipay/orders/+']), frame(Buffer.from([0xff, 0x00]))], patterns: ['orders', 'alipay/orders', 'ORDERS/7', 'prices', 'a/b', 'nope'] },
    { decoder: 'socket.io', field: 'event', frames: [sio('chat-Message'), sio('join'), frame('2'), frame('4garbage')], patterns: ['chat', 'MESSAGE', 'join', 'a', 'zzz'] },
    { decoder: 'stomp', field: 'topic', frames: [stomp('/topic/Prices'), stomp('/queue/a'), frame('\n')], patterns: ['prices', '/queue/', 'topic', 'x'] },
  ];

  it('never skips a frame that matches, and skips frames whose raw text lacks the word', () => {
    let skipped = 0;
    for (const { decoder, field, frames, patterns } of cases) {
      for (const pattern of patterns) {
        const precheck = rawTextPrecheck(field, pattern, decoder);
        expect(precheck, `${decoder} ${pattern}`).toBeDefined();
        for (const entry of frames) {
          const passes = precheck?.(entry) ?? true;
          if (decodedMatch(entry, field, pattern, decoder)) expect(passes, `${decoder} ${pattern} ${entry.payload}`).toBe(true);
          if (!passes) skipped += 1;
        }
      }
    }
    expect(rawTextPrecheck('topic', 'nope', 'mqtt')?.(publish('alipay/orders'))).toBe(false);
    expect(rawTextPrecheck('event', 'zzz', 'socket.io')?.(sio('chat'))).toBe(false);
    expect(skipped).toBeGreaterThan(20);
  });

  it('is not used where it would not be exact: regexes, computed fields, a slash in a Socket.IO event', () => {
    expect(rawTextPrecheck('topic', '^alipay', 'mqtt')).toBeUndefined();
    expect(rawTextPrecheck('topic', 'a.b', 'mqtt')).toBeUndefined();
    expect(rawTextPrecheck('topic', 'a b', 'stomp')).toBeUndefined();
    expect(rawTextPrecheck('type', 'publish', 'mqtt')).toBeUndefined();
    expect(rawTextPrecheck('topic', 'orders', 'msgpack')).toBeUndefined();
    expect(rawTextPrecheck('event', 'room/1', 'socket.io')).toBeUndefined();
  });
});
