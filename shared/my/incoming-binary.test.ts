// Incoming binary as an ArrayBuffer (docs/behaviour.md#a14-incoming-binary-as-arraybuffer): the engine flags a binary message event with
// `asArrayBuffer`, the `my` factory turns its base64 into the bytes; without the flag nothing changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packEngineMessages } from '../my-wire';
import { base64ToArrayBuffer } from './base64-to-array-buffer';
import { bytesToBase64 } from './bytes-to-base64';
import { createMy } from './create-my';
import { createScriptedPeer, flushMessages } from './test-support/scripted-peer';

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleError.mockRestore();
});

/** Every byte value once, and a few more: the conversion must be exact, not UTF-8. */
const BYTES = Uint8Array.from({ length: 300 }, (_, index) => (index * 7) % 256);
const BASE64 = bytesToBase64(BYTES);

function bytesOf(data: unknown): number[] {
  expect(data).toBeInstanceOf(ArrayBuffer);
  return [...new Uint8Array(data as ArrayBuffer)];
}

describe('base64ToArrayBuffer', () => {
  it('gives exactly the encoded bytes, the empty buffer for empty text', () => {
    expect(bytesOf(base64ToArrayBuffer(BASE64))).toEqual([...BYTES]);
    expect(base64ToArrayBuffer('')?.byteLength).toBe(0);
  });

  it('gives undefined for text that is not base64', () => {
    expect(base64ToArrayBuffer('not base64!')).toBeUndefined();
  });
});

describe('incoming binary delivery (A14)', () => {
  it('hands global and task listeners an ArrayBuffer of the bytes when the engine flags the message', async () => {
    const peer = createScriptedPeer({ echo: false });
    const my = createMy(peer.client);
    const task = my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: true });
    await flushMessages();
    const taskId = peer.ofOp('connect')[0]?.target ?? null;
    const globalSeen: { data: unknown; isBuffer: boolean }[] = [];
    const taskSeen: { data: unknown; isBuffer: boolean; socketTaskID: string }[] = [];
    my.onSocketMessage((event) => globalSeen.push(event));
    task.onMessage((event) => taskSeen.push(event));
    peer.emit(null, { event: 'message', data: BASE64, isBuffer: true, asArrayBuffer: true });
    peer.emit(taskId, { event: 'message', data: BASE64, isBuffer: true, asArrayBuffer: true });
    await flushMessages();
    expect(globalSeen).toHaveLength(1);
    expect(globalSeen[0]?.isBuffer).toBe(true);
    expect(bytesOf(globalSeen[0]?.data)).toEqual([...BYTES]);
    expect(taskSeen).toHaveLength(1);
    expect(taskSeen[0]).toMatchObject({ isBuffer: true, socketTaskID: taskId });
    expect(bytesOf(taskSeen[0]?.data)).toEqual([...BYTES]);
  });

  it('keeps base64 when the flag is absent, and text as text', async () => {
    const peer = createScriptedPeer();
    const my = createMy(peer.client);
    const seen: unknown[] = [];
    my.onSocketMessage((event) => seen.push(event));
    peer.emit(null, { event: 'message', data: BASE64, isBuffer: true });
    peer.emit(null, { event: 'message', data: 'plain text', isBuffer: false });
    await flushMessages();
    expect(seen).toEqual([
      { data: BASE64, isBuffer: true },
      { data: 'plain text', isBuffer: false },
    ]);
  });

  it('gives each listener its own buffer, so one listener writing into it cannot change what the next sees', async () => {
    const peer = createScriptedPeer();
    const my = createMy(peer.client);
    const seen: number[][] = [];
    my.onSocketMessage((event) => {
      const view = new Uint8Array(event.data as ArrayBuffer);
      seen.push([...view]);
      view.fill(0);
    });
    my.onSocketMessage((event) => seen.push(bytesOf(event.data)));
    peer.emit(null, { event: 'message', data: 'AQID', isBuffer: true, asArrayBuffer: true });
    await flushMessages();
    expect(seen).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
  });

  it('converts flagged messages inside a bridge batch, in order', async () => {
    const peer = createScriptedPeer();
    const my = createMy(peer.client);
    const seen: unknown[] = [];
    my.onSocketMessage((event) => seen.push(typeof event.data === 'string' ? event.data : [...new Uint8Array(event.data)]));
    const message = (data: string, isBuffer: boolean, asArrayBuffer?: true) => ({
      kind: 'event' as const,
      target: null,
      payload: { event: 'message' as const, data, isBuffer, ...(asArrayBuffer ? { asArrayBuffer } : {}) },
    });
    // A host's bridge packs one tick's messages into a batch (my-wire packEngineMessages).
    const raw = peer.engineSide.send as (message: unknown) => void;
    raw(packEngineMessages([message('AAE=', true, true), message('text', false), message('AAE=', true)]));
    await flushMessages();
    expect(seen).toEqual([[0, 1], 'text', 'AAE=']);
  });

  it('delivers a flagged message that is not base64 as received, with a console report, and throws nothing', async () => {
    const peer = createScriptedPeer();
    const my = createMy(peer.client);
    const seen: unknown[] = [];
    my.onSocketMessage((event) => seen.push(event.data));
    peer.emit(null, { event: 'message', data: '%%%', isBuffer: true, asArrayBuffer: true });
    await flushMessages();
    expect(seen).toEqual(['%%%']);
    expect(consoleError).toHaveBeenCalledTimes(1);
  });
});
