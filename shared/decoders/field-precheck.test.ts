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
import { bytesContainWord, rawTextPrecheck } from './field-precheck';
import { randomBytes, seededRandom, withRandomCase } from './test-support/seeded-random';

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

/** A binary frame's bytes one char per byte (what the pre-check reads). */
function bytesOf(entry: CaptureEntry): string {
  return Buffer.from(entry.payload ?? '', 'base64').toString('latin1').toLowerCase();
}

/** What the filter answers when every frame is decoded. */
function decodedMatch(entry: CaptureEntry, field: keyof DecodedFields, pattern: string, decoder: Decoder): boolean {
  const value = decodeEntryFields(entry, { decoder })?.[field];
  return value !== undefined && new RegExp(pattern, 'i').test(value);
}

describe('rawTextPrecheck', () => {
  const cases: { decoder: Decoder; field: keyof DecodedFields; frames: CaptureEntry[]; patterns: string[] }[] = [
    {
      decoder: 'mqtt',
      field: 'topic',
      // Prefixes of 0–5 bytes put the words at each of the three byte offsets of a base64 group.
      frames: [publish('Alipay/Orders/7'), publish('alipay/prices', 'orders'), subscribe(['a/b', 'alipay/orders/+']), frame(Buffer.from([0xff, 0x00])), ...['', 'x', 'xY', 'x/y', 'xxxx', 'x/y/z'].flatMap((prefix) => [publish(`${prefix}aLiPaY/ORDERS/07`), publish(`${prefix}alipay/orders/8`, 'alipay/orders/7')])],
      patterns: ['orders', 'alipay/orders', 'ORDERS/7', 'prices', 'a/b', 'nope', '^alipay/orders/7$', '^orders', 'prices$', '^a/b$', 'alipay/.*/7$', 'a.b', '^^a', 'a$$', 'orders\\/7', 'ord?ers', 'orders/\\d+', '[o]rders', 'al{0,1}ipay', 'ALI[a-z]ay/Or', 'orders/(7|07)$', '^(alipay|x)/(orders|prices)', 'prices|orders/0?7$', '(?:y/)?alipay/orders/8'],
    },
    { decoder: 'socket.io', field: 'event', frames: [sio('chat-Message'), sio('join'), frame('2'), frame('4garbage')], patterns: ['chat', 'MESSAGE', 'join', 'a', 'zzz', '^join$', '^chat', 'message$', 'ch.t', 'chat-\\w+', '^j[o]in$', 'cha?t', 'join|chat', '^(chat-(message|x)|part)$'] },
    {
      decoder: 'stomp',
      field: 'topic',
      // STOMP also travels in binary frames: its destination is then found in the base64 text.
      frames: [stomp('/topic/Prices'), stomp('/queue/a'), frame('\n'), frame(Buffer.from(stomp('/topic/PRICES').payload as string)), frame(Buffer.from(stomp('/queue/ab').payload as string))],
      patterns: ['prices', '/queue/', 'topic', 'x', '^/topic/prices$', '^/queue', '/topic/pr.ces', '^/queue/.$', '/(topic|queue)/(prices|ab)$'],
    },
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
    expect(rawTextPrecheck('topic', '^alipay/orders/7$', 'mqtt')?.(publish('alipay/orders/8'))).toBe(false);
    expect(rawTextPrecheck('topic', '^alipay/orders/7$', 'mqtt')?.(publish('ALIPAY/orders/7'))).toBe(true);
    // Every required word must be there: "alipay/" alone is not enough for alipay/.*/7$.
    expect(rawTextPrecheck('topic', 'alipay/.*/7$', 'mqtt')?.(publish('alipay/orders/8'))).toBe(false);
    expect(rawTextPrecheck('topic', 'alipay/.*/7$', 'mqtt')?.(publish('Alipay/x/7'))).toBe(true);
    expect(skipped).toBeGreaterThan(20);
  });

  it('is not used where it would not be exact: regexes, computed fields, a slash in a Socket.IO event', () => {
    expect(rawTextPrecheck('topic', '(?i:alipay)', 'mqtt')).toBeUndefined();
    expect(rawTextPrecheck('topic', 'orders|.*', 'mqtt')).toBeUndefined();
    expect(rawTextPrecheck('topic', '.*', 'stomp')).toBeUndefined();
    expect(rawTextPrecheck('type', 'publish', 'mqtt')).toBeUndefined();
    expect(rawTextPrecheck('topic', 'orders', 'msgpack')).toBeUndefined();
    expect(rawTextPrecheck('event', 'room/1', 'socket.io')).toBeUndefined();
    expect(rawTextPrecheck('event', '^room/1$', 'socket.io')).toBeUndefined();
    expect(rawTextPrecheck('event', 'room/1|chat', 'socket.io')).toBeUndefined();
    expect(rawTextPrecheck('topic', 'a[', 'mqtt')).toBeUndefined();
  });

  it('never skips a frame the decode matches, over random packets, topics, byte offsets and patterns', () => {
    const next = seededRandom(23);
    const pieces = ['alipay', 'orders', 'prices', '7', '07', 'x', 'device-1', 'a_b', 'Ü'];
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const topic = () => withRandomCase(Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(pieces)).join('/'), next);
    const patterns = ['alipay/orders/7', '^alipay/orders/7$', 'orders/(7|07)$', 'alipay/.*/7$', 'prices', 'device-1', 'a_b', 'x/7', '7', 'orders/'];
    // Topics after prefixes of 0–5 bytes (the word at each offset of a base64 group); bodies that hold a word too.
    const entries = Array.from({ length: 1500 }, () => {
      const name = `${'xyz/w'.slice(0, Math.floor(next() * 6))}${topic()}`;
      const body = next() < 0.3 ? Buffer.from(topic(), 'latin1') : randomBytes(Math.floor(next() * 12), next);
      const packet = next() < 0.85 ? publish(name, body.toString('latin1')) : subscribe([name, topic()]);
      if (next() < 0.1) packet.payload = `${(packet.payload as string).slice(0, 6)}${pick(['\n', ' ', '\t'])}${(packet.payload as string).slice(6)}`;
      return packet;
    });
    let skipped = 0;
    let matched = 0;
    for (const pattern of patterns) {
      const precheck = rawTextPrecheck('topic', pattern, 'mqtt');
      for (const entry of entries) {
        const passes = precheck?.(entry) ?? true;
        if (decodedMatch(entry, 'topic', pattern, 'mqtt')) {
          matched += 1;
          expect(passes, `${pattern} ${entry.payload}`).toBe(true);
        }
        if (!passes) skipped += 1;
        // For a long word in readable base64, what passes is what holds the word in its bytes: no other frame is decoded.
        if (pattern === 'alipay/orders/7' && /^[A-Za-z0-9+/=]*$/.test(entry.payload as string)) expect(passes, entry.payload).toBe(bytesOf(entry).includes(pattern));
      }
    }
    expect(matched).toBeGreaterThan(300);
    expect(skipped).toBeGreaterThan(entries.length * 4);
  });

  it('skips a binary frame whose base64 does not decode only where the decode could not match it either', () => {
    const broken = (payload: string) => ({ ...publish('alipay/orders/7'), payload });
    // Whitespace and the URL-safe alphabet are read by some decoders: such text is decoded before it is skipped.
    expect(rawTextPrecheck('topic', 'nope', 'mqtt')?.(broken('not base64!'))).toBe(true);
    // Any other character outside the alphabet: the decode fails, so the filter cannot match the frame.
    for (const payload of ['not.base64!', 'YWxpcGF5L29yZGVycy83.', 'YWxp*GF5']) {
      expect(decodedMatch(broken(payload), 'topic', 'alipay', 'mqtt')).toBe(false);
      expect(rawTextPrecheck('topic', 'nope', 'mqtt')?.(broken(payload)), payload).toBe(false);
    }
  });

  it('decodes base64 written with line breaks or the URL-safe alphabet before it skips a frame', () => {
    const plain = publish('alipay/orders/7').payload as string;
    const precheck = rawTextPrecheck('topic', 'alipay/orders/7', 'mqtt');
    const wrapped = { ...publish('alipay/orders/7'), payload: `${plain.slice(0, 10)}\n${plain.slice(10)}` };
    const urlSafe = frame(mqttPacket.generate({ cmd: 'publish', topic: 'alipay/orders/7', payload: Buffer.from([0xfb, 0xff, 0xfe]), qos: 0, retain: false, dup: false }));
    urlSafe.payload = (urlSafe.payload as string).replace(/\+/g, '-').replace(/\//g, '_');
    expect(urlSafe.payload).toMatch(/[-_]/);
    for (const entry of [wrapped, urlSafe]) expect(precheck?.(entry) ?? true, entry.payload).toBe(decodedMatch(entry, 'topic', 'alipay/orders/7', 'mqtt') || bytesOf(entry).includes('alipay/orders/7'));
  });
});

describe('bytesContainWord', () => {
  const bytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
  const word = bytes('orders/7');

  it('finds the word with ASCII letters in any case, at the start, the end or inside', () => {
    for (const text of ['orders/7', 'ORDERS/7xx', 'x/Orders/7', '\u0000\u00ffoRdErS/7']) expect(bytesContainWord(bytes(text), text.length, word), text).toBe(true);
  });

  it('does not fold other bytes or digits, and reads only the first `length` bytes', () => {
    expect(bytesContainWord(bytes('orders/8'), 8, word)).toBe(false);
    // 0xd2 is "Ò"/"ò" one char per byte, never the letter o; 0x4f | 0x80 is not "O" either.
    expect(bytesContainWord(Uint8Array.from([0xd2, ...bytes('rders/7')]), 8, word)).toBe(false);
    expect(bytesContainWord(Uint8Array.from([0xcf, ...bytes('rders/7')]), 8, word)).toBe(false);
    // A reused buffer: the word after `length` (left from a longer frame) is not in this frame.
    expect(bytesContainWord(bytes('xxorders/7'), 9, word)).toBe(false);
    expect(bytesContainWord(bytes('orde'), 4, word)).toBe(false);
    expect(bytesContainWord(new Uint8Array(0), 0, word)).toBe(false);
  });
});
