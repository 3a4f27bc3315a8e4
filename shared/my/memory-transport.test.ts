import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientMessage, EngineLinkMessage } from '../my-wire';
import { createMemoryTransportPair } from './memory-transport';
import { flushMessages } from './test-support/scripted-peer';

const listen = (index: number): ClientMessage => ({
  op: 'listen',
  target: null,
  event: 'message',
  action: 'on',
  count: index,
  sameFunctionCount: 1,
});

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleError.mockRestore();
});

describe('createMemoryTransportPair', () => {
  it('delivers asynchronously and in order, both ways', async () => {
    const { client, engineSide } = createMemoryTransportPair();
    const atEngine: unknown[] = [];
    const atClient: EngineLinkMessage[] = [];
    engineSide.onMessage((raw) => atEngine.push(raw));
    client.onMessage((message) => atClient.push(message));
    for (let index = 0; index < 1000; index += 1) {
      client.send(listen(index));
      engineSide.send({ kind: 'result', callId: index, ok: true, payload: {} });
    }
    expect(atEngine).toEqual([]);
    expect(atClient).toEqual([]);
    await flushMessages();
    expect(atEngine.map((message) => (message as { count: number }).count)).toEqual([...Array(1000).keys()]);
    expect(atClient.map((message) => (message.kind === 'result' ? message.callId : -1))).toEqual([...Array(1000).keys()]);
  });

  it('clones every message: no object is shared, later mutation by the sender does not leak', async () => {
    const { client, engineSide } = createMemoryTransportPair();
    const received: unknown[] = [];
    engineSide.onMessage((raw) => received.push(raw));
    const options = { url: 'ws://127.0.0.1:1/', header: { a: '1' } };
    const sent: ClientMessage = { op: 'connect', callId: 1, target: null, options };
    client.send(sent);
    options.header.a = 'mutated after send';
    await flushMessages();
    expect(received[0]).toEqual({ op: 'connect', callId: 1, target: null, options: { url: 'ws://127.0.0.1:1/', header: { a: '1' } } });
    expect(received[0]).not.toBe(sent);
  });

  it('holds messages sent before the other end listens and delivers them in order', async () => {
    const { client, engineSide } = createMemoryTransportPair();
    client.send(listen(1));
    client.send(listen(2));
    await flushMessages();
    const received: unknown[] = [];
    engineSide.onMessage((raw) => received.push(raw));
    client.send(listen(3));
    await flushMessages();
    expect(received.map((message) => (message as { count: number }).count)).toEqual([1, 2, 3]);
  });

  it('gives every listener each message, even when one throws', async () => {
    const { client, engineSide } = createMemoryTransportPair();
    const received: string[] = [];
    client.onMessage(() => {
      throw new Error('listener bug');
    });
    client.onMessage((message) => received.push(message.kind));
    engineSide.send({ kind: 'reset', reason: 'test' });
    engineSide.send({ kind: 'event', target: null, payload: { event: 'open' } });
    await flushMessages();
    expect(received).toEqual(['reset', 'event']);
    expect(consoleError).toHaveBeenCalledTimes(2);
  });

  it('throws to the sender, like postMessage, for a message that cannot be cloned', () => {
    const { client } = createMemoryTransportPair();
    const unclonable = { op: 'connect', callId: 1, target: null, options: { f: () => 1 } } as unknown as ClientMessage;
    expect(() => client.send(unclonable)).toThrow();
  });
});
