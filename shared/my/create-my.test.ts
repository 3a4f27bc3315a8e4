import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientMessage, EngineMessage, MyTransport } from '../my-wire';
import { createMy } from './create-my';
import { flushMessages } from './test-support/scripted-peer';
import { setupScriptedMy } from './test-support/scripted-my';
import type { SocketTask } from './types';

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleError.mockRestore();
});

describe('calls: success/fail then complete', () => {
  it('runs success then complete with the same object, asynchronously, and forwards sanitized options', async () => {
    const { peer, my } = setupScriptedMy();
    const order: string[] = [];
    let successResult: unknown;
    let completeResult: unknown;
    const returned = my.connectSocket({
      url: 'ws://127.0.0.1:1/echo',
      header: { 'x-test': '1' },
      success: (result) => {
        order.push('success');
        successResult = result;
      },
      fail: () => order.push('fail'),
      complete: (result) => {
        order.push('complete');
        completeResult = result;
      },
    });
    order.push('returned');
    expect(returned).toBeUndefined();
    await flushMessages();
    expect(order).toEqual(['returned', 'success', 'complete']);
    expect(successResult).toEqual({});
    expect(completeResult).toBe(successResult);
    const [connect] = peer.ofOp('connect');
    expect(connect).toEqual({
      op: 'connect',
      callId: expect.any(Number),
      target: null,
      options: { url: 'ws://127.0.0.1:1/echo', header: { 'x-test': '1' } },
    });
    expect(peer.rejected).toEqual([]);
  });

  it('runs fail then complete with the engine code and message', async () => {
    const { my } = setupScriptedMy();
    const order: string[] = [];
    const results: unknown[] = [];
    my.connectSocket({
      url: 'http://127.0.0.1:1/',
      success: () => order.push('success'),
      fail: (result) => {
        order.push('fail');
        results.push(result);
      },
      complete: (result) => {
        order.push('complete');
        results.push(result);
      },
    });
    await flushMessages();
    expect(order).toEqual(['fail', 'complete']);
    expect(results[0]).toEqual({ error: 5, errorMessage: 'The URL must start with WS or WSS.' });
    expect(results[1]).toBe(results[0]);
  });

  it('gives every call a fresh callId and answers each call with its own result', async () => {
    const { peer, my } = setupScriptedMy();
    const answers: string[] = [];
    my.connectSocket({ url: 'ws://127.0.0.1:1/', success: () => answers.push('connect ok') });
    my.sendSocketMessage({ data: 'a', success: () => answers.push('send a ok') });
    my.sendSocketMessage({ data: 'b', success: () => answers.push('send b ok') });
    my.closeSocket({ success: () => answers.push('close ok') });
    await flushMessages();
    const ids = peer.received.filter((m) => m.op === 'connect' || m.op === 'send' || m.op === 'close').map((m) => ('callId' in m ? m.callId : -1));
    expect(new Set(ids).size).toBe(4);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(answers).toEqual(['connect ok', 'send a ok', 'send b ok', 'close ok']);
  });

  it('answers asynchronously even over a transport that answers synchronously inside send', async () => {
    const listeners: ((message: EngineMessage) => void)[] = [];
    const transport: MyTransport = {
      send(message: ClientMessage) {
        if (message.op === 'connect') {
          for (const listener of listeners) listener({ kind: 'result', callId: message.callId, ok: true, payload: {} });
        }
      },
      onMessage: (listener) => listeners.push(listener),
    };
    const my = createMy(transport);
    const order: string[] = [];
    let taskInSuccess: SocketTask | undefined;
    const task = my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: true, success: () => (taskInSuccess = task) });
    order.push('returned');
    my.connectSocket({ url: 'ws://127.0.0.1:1/', complete: () => order.push('complete') });
    order.push('returned again');
    await flushMessages();
    expect(order).toEqual(['returned', 'returned again', 'complete']);
    expect(taskInSuccess).toBe(task);
  });

  it('keeps stream order: the replaced connection closes before the new connect succeeds', async () => {
    const { my } = setupScriptedMy();
    const order: string[] = [];
    my.onSocketOpen(() => order.push('open'));
    my.onSocketClose((event) => order.push(`close ${event.code}`));
    my.connectSocket({ url: 'ws://127.0.0.1:1/first', success: () => order.push('first success') });
    await flushMessages();
    my.connectSocket({ url: 'ws://127.0.0.1:1/second', success: () => order.push('second success') });
    await flushMessages();
    expect(order).toEqual(['first success', 'open', 'close 1000', 'second success', 'open']);
  });

  it('reports a throwing callback to the console and still runs complete and later calls', async () => {
    const { my } = setupScriptedMy();
    const order: string[] = [];
    my.connectSocket({
      url: 'ws://127.0.0.1:1/',
      success: () => {
        throw new Error('app bug in success');
      },
      complete: () => order.push('complete'),
    });
    my.sendSocketMessage({ data: 'x', success: () => order.push('send success') });
    await flushMessages();
    expect(order).toEqual(['complete', 'send success']);
    expect(consoleError).toHaveBeenCalledWith('my: the success callback of connectSocket threw', expect.objectContaining({ message: 'app bug in success' }));
  });
});

describe('promises of send and close (A21)', () => {
  it('resolves send with the success object after success and complete ran', async () => {
    const { my } = setupScriptedMy();
    const order: string[] = [];
    my.connectSocket({ url: 'ws://127.0.0.1:1/' });
    await flushMessages();
    const result = await my.sendSocketMessage({
      data: 'hello',
      success: () => order.push('success'),
      complete: () => order.push('complete'),
    }).then((value) => {
      order.push('resolved');
      return value;
    });
    expect(result).toEqual({ success: true });
    expect(order).toEqual(['success', 'complete', 'resolved']);
  });

  it('rejects send with the fail object when there is no connection (10)', async () => {
    const { my } = setupScriptedMy();
    await expect(my.sendSocketMessage({ data: 'too early' })).rejects.toEqual({
      error: 10,
      errorMessage: 'The network is not available and the message cannot be sent.',
    });
  });

  it('resolves closeSocket() without options with { message: "" } and sends {} as options', async () => {
    const { peer, my } = setupScriptedMy();
    await expect(my.closeSocket()).resolves.toEqual({ message: '' });
    expect(peer.ofOp('close')[0]?.options).toEqual({});
  });

  it('does not report an unhandled rejection when callbacks were given', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { my } = setupScriptedMy();
      const failures: unknown[] = [];
      my.sendSocketMessage({ data: 'too early', fail: (result) => failures.push(result) });
      my.sendSocketMessage({ data: 'too early', complete: (result) => failures.push(result) });
      await flushMessages();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(failures).toHaveLength(2);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
