import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientMessage, EngineMessage, MyTransport } from '../my-wire';
import { createMy } from './create-my';
import { createScriptedPeer, flushMessages } from './test-support/scripted-peer';
import type { SocketTask } from './types';

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleError.mockRestore();
});

function setup(options: Parameters<typeof createScriptedPeer>[0] = {}, defaultMultiple?: boolean) {
  const peer = createScriptedPeer(options);
  const my = createMy(peer.client, defaultMultiple === undefined ? {} : { defaultMultiple });
  return { peer, my };
}

describe('calls: success/fail then complete', () => {
  it('runs success then complete with the same object, asynchronously, and forwards sanitized options', async () => {
    const { peer, my } = setup();
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
    const { my } = setup();
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
    const { peer, my } = setup();
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
    const { my } = setup();
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
    const { my } = setup();
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
    const { my } = setup();
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
    const { my } = setup();
    await expect(my.sendSocketMessage({ data: 'too early' })).rejects.toEqual({
      error: 10,
      errorMessage: 'The network is not available and the message cannot be sent.',
    });
  });

  it('resolves closeSocket() without options with { message: "" } and sends {} as options', async () => {
    const { peer, my } = setup();
    await expect(my.closeSocket()).resolves.toEqual({ message: '' });
    expect(peer.ofOp('close')[0]?.options).toEqual({});
  });

  it('does not report an unhandled rejection when callbacks were given', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { my } = setup();
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

describe('listeners (docs/behaviour.md#listeners)', () => {
  it('runs a function registered twice twice, in registration order, and off(cb) removes every registration', async () => {
    const { peer, my } = setup();
    const calls: string[] = [];
    const first = () => calls.push('first');
    const second = () => calls.push('second');
    my.onSocketMessage(first);
    my.onSocketMessage(second);
    my.onSocketMessage(first);
    peer.emit(null, { event: 'message', data: 'one', isBuffer: false });
    await flushMessages();
    expect(calls).toEqual(['first', 'second', 'first']);
    my.offSocketMessage(first);
    peer.emit(null, { event: 'message', data: 'two', isBuffer: false });
    await flushMessages();
    expect(calls).toEqual(['first', 'second', 'first', 'second']);
    my.offSocketMessage();
    peer.emit(null, { event: 'message', data: 'three', isBuffer: false });
    await flushMessages();
    expect(calls).toHaveLength(4);
  });

  it('sends a listen message with counts for every on and off', async () => {
    const { peer, my } = setup();
    const listener = () => undefined;
    my.onSocketOpen(listener);
    my.onSocketOpen(listener);
    my.onSocketOpen(() => undefined);
    my.offSocketOpen(listener);
    my.offSocketOpen();
    await flushMessages();
    expect(peer.ofOp('listen')).toEqual([
      { op: 'listen', target: null, event: 'open', action: 'on', count: 1, sameFunctionCount: 1 },
      { op: 'listen', target: null, event: 'open', action: 'on', count: 2, sameFunctionCount: 2 },
      { op: 'listen', target: null, event: 'open', action: 'on', count: 3, sameFunctionCount: 1 },
      { op: 'listen', target: null, event: 'open', action: 'off', count: 1, sameFunctionCount: 0 },
      { op: 'listen', target: null, event: 'open', action: 'offAll', count: 0, sameFunctionCount: 0 },
    ]);
  });

  it('dispatches over a snapshot: changes during dispatch apply from the next event', async () => {
    const { peer, my } = setup();
    const calls: string[] = [];
    const late = () => calls.push('late');
    const removed = () => calls.push('removed');
    my.onSocketMessage(() => {
      calls.push('adder');
      my.onSocketMessage(late);
      my.offSocketMessage(removed);
    });
    my.onSocketMessage(removed);
    peer.emit(null, { event: 'message', data: '1', isBuffer: false });
    await flushMessages();
    expect(calls).toEqual(['adder', 'removed']);
    calls.length = 0;
    peer.emit(null, { event: 'message', data: '2', isBuffer: false });
    await flushMessages();
    expect(calls).toEqual(['adder', 'late']);
  });

  it('keeps dispatching after a throwing listener and reports what threw', async () => {
    const { peer, my } = setup();
    const calls: string[] = [];
    my.onSocketError(() => {
      throw new Error('listener bug');
    });
    my.onSocketError(() => {
      throw 'a bare string';
    });
    my.onSocketError((event) => calls.push(`heard ${event.error}`));
    peer.emit(null, { event: 'error', error: 6, errorMessage: 'Connection timed out.' });
    await flushMessages();
    expect(calls).toEqual(['heard 6']);
    expect(peer.ofOp('dispatched')).toEqual([
      { op: 'dispatched', target: null, event: 'error', listeners: 3, thrown: ['listener bug', 'a bare string'] },
    ]);
    expect(consoleError).toHaveBeenCalledTimes(2);
  });

  it('reports an event dispatched with 0 listeners', async () => {
    const { peer, my } = setup();
    my.connectSocket({ url: 'ws://127.0.0.1:1/' });
    await flushMessages();
    expect(peer.ofOp('dispatched')).toEqual([{ op: 'dispatched', target: null, event: 'open', listeners: 0, thrown: [] }]);
  });

  it('ignores non-function arguments but reports them to the engine', async () => {
    const { peer, my } = setup();
    const calls: string[] = [];
    my.onSocketClose(() => calls.push('kept'));
    const garbage: unknown[] = [42, null, 'handler', Symbol('s'), { handleEvent() {} }];
    for (const value of garbage) {
      (my.onSocketClose as (listener: unknown) => void)(value);
      (my.offSocketClose as (listener: unknown) => void)(value);
    }
    peer.emit(null, { event: 'close', code: 1000, reason: '' });
    await flushMessages();
    expect(calls).toEqual(['kept']);
    const invalid = peer.ofOp('listen').filter((message) => message.invalid !== undefined);
    expect(invalid).toHaveLength(garbage.length * 2);
    expect(invalid[0]).toEqual({
      op: 'listen',
      target: null,
      event: 'close',
      action: 'on',
      count: 1,
      sameFunctionCount: 0,
      invalid: 'onSocketClose expects a function, got number; the call was ignored',
    });
    expect(invalid[3]?.invalid).toBe('offSocketClose expects a function, got null; the call was ignored');
    expect(peer.rejected).toEqual([]);
  });
});

describe('event payloads (A9, A10, A23)', () => {
  it('gives global listeners flat payloads', async () => {
    const { peer, my } = setup();
    const seen: unknown[] = [];
    my.onSocketOpen((event) => seen.push(event));
    my.onSocketMessage((event) => seen.push(event));
    my.onSocketError((event) => seen.push(event));
    my.onSocketClose((event) => seen.push(event));
    peer.emit(null, { event: 'open' });
    peer.emit(null, { event: 'message', data: 'text', isBuffer: false });
    peer.emit(null, { event: 'message', data: 'AAEC', isBuffer: true });
    peer.emit(null, { event: 'error', error: 1, errorMessage: 'connection lost' });
    peer.emit(null, { event: 'close', code: 1006, reason: '' });
    await flushMessages();
    expect(seen).toEqual([
      {},
      { data: 'text', isBuffer: false },
      { data: 'AAEC', isBuffer: true },
      { error: 1, errorMessage: 'connection lost' },
      { code: 1006, reason: '' },
    ]);
  });

  it('gives SocketTask listeners the task shapes, and keeps task and global events apart', async () => {
    const { peer, my } = setup({ autoOpen: false });
    const globalSeen: unknown[] = [];
    my.onSocketOpen((event) => globalSeen.push(event));
    my.onSocketMessage((event) => globalSeen.push(event));
    my.onSocketError((event) => globalSeen.push(event));
    my.onSocketClose((event) => globalSeen.push(event));
    const task = my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: true });
    const taskSeen: unknown[] = [];
    task.onOpen((event) => taskSeen.push(event));
    task.onMessage((event) => taskSeen.push(event));
    task.onError((event) => taskSeen.push(event));
    task.onClose((event) => taskSeen.push(event));
    await flushMessages();
    const id = peer.ofOp('connect')[0]?.target;
    expect(typeof id).toBe('string');
    if (typeof id !== 'string') return;
    peer.emit(id, { event: 'open' });
    peer.emit(id, { event: 'message', data: 'hi', isBuffer: false });
    peer.emit(id, { event: 'error', error: 12, errorMessage: 'Unable to request more memory to read network data.' });
    peer.emit(id, { event: 'close', code: 1009, reason: '' });
    peer.emit(null, { event: 'message', data: 'global only', isBuffer: false });
    await flushMessages();
    expect(taskSeen).toEqual([
      { socketTaskID: id, data: { socketTaskID: id } },
      { data: 'hi', isBuffer: false, socketTaskID: id },
      { error: 12, errorMessage: 'Unable to request more memory to read network data.', socketTaskID: id, data: { socketTaskID: id } },
      { socketTaskID: id, data: { socketTaskID: id } },
    ]);
    expect(globalSeen).toEqual([{ data: 'global only', isBuffer: false }]);
  });

  it('gives each listener its own payload object', async () => {
    const { peer, my } = setup();
    const seen: Record<string, unknown>[] = [];
    my.onSocketMessage((event) => {
      (event as unknown as Record<string, unknown>)['data'] = 'mutated';
      seen.push(event as unknown as Record<string, unknown>);
    });
    my.onSocketMessage((event) => seen.push(event as unknown as Record<string, unknown>));
    peer.emit(null, { event: 'message', data: 'original', isBuffer: false });
    await flushMessages();
    expect(seen[1]).toEqual({ data: 'original', isBuffer: false });
  });
});

describe('SocketTask (multiple: true)', () => {
  it('is returned synchronously, usable inside success, and sends and closes on its own target', async () => {
    const { peer, my } = setup({ autoOpen: false });
    const events: unknown[] = [];
    const task: SocketTask = my.connectSocket({
      url: 'ws://127.0.0.1:1/',
      multiple: true,
      success: () => {
        task.onOpen(() => events.push('open'));
        task.onMessage((event) => events.push(event.data));
        task.onClose(() => events.push('close'));
      },
    });
    expect(task).toBeDefined();
    await flushMessages();
    const id = peer.ofOp('connect')[0]?.target ?? '';
    peer.emit(id, { event: 'open' });
    await flushMessages();
    expect(events).toEqual(['open']);
    await expect(task.send({ data: 'x' })).rejects.toEqual({ error: 10, errorMessage: 'The network is not available and the message cannot be sent.' });
    await expect(task.close({ code: 4000, reason: 'bye' })).resolves.toEqual({ message: '' });
    const calls = peer.received.filter((message) => message.op === 'send' || message.op === 'close');
    expect(calls.map((message) => [message.op, message.target])).toEqual([
      ['send', id],
      ['close', id],
    ]);
    expect(peer.ofOp('close')[0]?.options).toEqual({ code: 4000, reason: 'bye' });
  });

  it('echoes through an open task, with text and ArrayBuffer data', async () => {
    const { my } = setup();
    const task = my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: true });
    const messages: unknown[] = [];
    task.onMessage((event) => messages.push([event.data, event.isBuffer]));
    await flushMessages();
    await expect(task.send({ data: 'hello' })).resolves.toEqual({ success: true });
    await expect(task.send({ data: new Uint8Array([0, 1, 2]).buffer })).resolves.toEqual({ success: true });
    await flushMessages();
    expect(messages).toEqual([
      ['hello', false],
      ['AAEC', true],
    ]);
  });

  it('gives every task its own id and listeners', async () => {
    const { peer, my } = setup({ autoOpen: false });
    const first = my.connectSocket({ url: 'ws://127.0.0.1:1/a', multiple: true });
    const second = my.connectSocket({ url: 'ws://127.0.0.1:1/b', multiple: true });
    const heard: string[] = [];
    first.onOpen((event) => heard.push(`first ${event.socketTaskID}`));
    second.onOpen((event) => heard.push(`second ${event.socketTaskID}`));
    await flushMessages();
    const [a, b] = peer.ofOp('connect').map((message) => message.target ?? '');
    expect(a).not.toBe(b);
    peer.emit(b ?? '', { event: 'open' });
    await flushMessages();
    expect(heard).toEqual([`second ${b}`]);
  });

  it('follows defaultMultiple when multiple is not given', () => {
    const { my } = setup({}, true);
    expect(my.connectSocket({ url: 'ws://127.0.0.1:1/' })).toBeDefined();
    expect(my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: false })).toBeUndefined();
    expect(setup().my.connectSocket({ url: 'ws://127.0.0.1:1/' })).toBeUndefined();
  });
});

describe('reset (the page session ended)', () => {
  it('drops pending calls, kills tasks, and answers later task calls locally', async () => {
    const { peer, my } = setup({ autoOpen: false });
    const task = my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: true });
    const heard: string[] = [];
    task.onMessage(() => heard.push('task message'));
    my.onSocketMessage(() => heard.push('global message'));
    await flushMessages();
    const id = peer.ofOp('connect')[0]?.target ?? '';
    const answered: string[] = [];
    // Nobody answers this send before the reset: its callbacks must never run.
    let holdAnswers = true;
    const original = peer.engineSide.send;
    peer.engineSide.send = (message) => (holdAnswers && message.kind === 'result' ? undefined : original(message));
    my.sendSocketMessage({ data: 'lost', complete: () => answered.push('lost send') });
    await flushMessages();
    peer.reset();
    holdAnswers = false;
    await flushMessages();
    peer.emit(id, { event: 'message', data: 'after reset', isBuffer: false });
    peer.emit(null, { event: 'message', data: 'global after reset', isBuffer: false });
    const before = peer.received.length;
    await expect(task.send({ data: 'x' })).rejects.toEqual({ error: 10, errorMessage: 'The network is not available and the message cannot be sent.' });
    await expect(task.close()).resolves.toEqual({ message: '' });
    task.onOpen(() => undefined);
    await flushMessages();
    expect(answered).toEqual([]);
    expect(heard).toEqual(['global message']);
    expect(peer.received.slice(before).filter((message) => message.target === id)).toEqual([]);
  });
});

describe('robustness', () => {
  const garbage: unknown[] = [
    undefined,
    null,
    0,
    -1,
    Number.NaN,
    'ws://127.0.0.1:1/',
    '',
    true,
    Symbol('options'),
    () => undefined,
    [],
    [1, 2, 3],
    new Proxy({}, { ownKeys: () => { throw new Error('ownKeys trap'); } }),
    (() => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    })(),
    Object.create(null),
    new Uint8Array(4),
    10n,
  ];

  it('never throws from any method, whatever it is given', async () => {
    const { peer, my } = setup();
    const api = my as unknown as Record<string, (...args: unknown[]) => unknown>;
    const task = my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: true }) as unknown as Record<string, (...args: unknown[]) => unknown>;
    const promises: Promise<unknown>[] = [];
    const callAll = (target: Record<string, (...args: unknown[]) => unknown>) => {
      for (const name of Object.keys(target)) {
        for (const value of garbage) {
          const method = target[name];
          if (!method) throw new Error(`missing ${name}`);
          let returned: unknown;
          expect(() => (returned = method(value))).not.toThrow();
          if (returned instanceof Promise) promises.push(returned.catch((failure: unknown) => failure));
        }
        let returned: unknown;
        expect(() => (returned = target[name]?.())).not.toThrow();
        if (returned instanceof Promise) promises.push(returned.catch((failure: unknown) => failure));
      }
    };
    callAll(api);
    callAll(task);
    await flushMessages();
    await Promise.all(promises);
    expect(peer.rejected).toEqual([]);
    expect(promises.length).toBeGreaterThan(0);
  });

  it('turns every garbage connectSocket/sendSocketMessage into a call the engine fails', async () => {
    const { peer, my } = setup();
    const failures: unknown[] = [];
    const throwingGetter = {
      get url(): string {
        throw new Error('url getter');
      },
      fail: (result: unknown) => failures.push(result),
    };
    const proxy = new Proxy(
      { url: 'ws://127.0.0.1:1/', fail: (result: unknown) => failures.push(result) },
      {
        get: (target, key) => {
          if (key === 'fail') return target.fail;
          throw new Error('get trap');
        },
      },
    );
    my.connectSocket(throwingGetter as unknown as Parameters<typeof my.connectSocket>[0]);
    my.connectSocket(proxy as unknown as Parameters<typeof my.connectSocket>[0]);
    const cyclic: Record<string, unknown> = { url: 'ws://127.0.0.1:1/', fail: (result: unknown) => failures.push(result) };
    cyclic['self'] = cyclic;
    cyclic['url'] = cyclic;
    my.connectSocket(cyclic as unknown as Parameters<typeof my.connectSocket>[0]);
    my.connectSocket({ fail: (result: unknown) => failures.push(result) } as unknown as Parameters<typeof my.connectSocket>[0]);
    const huge = { data: { nested: new Array(200_000).fill('x') }, fail: (result: unknown) => failures.push(result) };
    await expect(my.sendSocketMessage(huge as unknown as Parameters<typeof my.sendSocketMessage>[0])).rejects.toEqual({
      error: 10,
      errorMessage: 'The network is not available and the message cannot be sent.',
    });
    await flushMessages();
    const badScheme = { error: 5, errorMessage: 'The URL must start with WS or WSS.' };
    expect(failures).toEqual([
      badScheme,
      badScheme,
      badScheme,
      { error: 3, errorMessage: 'The URL parameter is null.' },
      { error: 10, errorMessage: 'The network is not available and the message cannot be sent.' },
    ]);
    const connects = peer.ofOp('connect');
    expect(connects[0]?.options).toEqual({ url: '[Thrown: url getter]' });
    expect(connects[1]?.options).toEqual({ url: '[Thrown: get trap]' });
    expect(connects[2]?.options).toEqual({ url: '[Circular]', self: '[Circular]' });
    const sent = peer.ofOp('send')[0]?.options as { data: { nested: unknown[] } };
    expect(sent.data.nested).toHaveLength(100_001);
    expect(sent.data.nested[100_000]).toBe('[Truncated: 100000 more items]');
    expect(peer.rejected).toEqual([]);
  });

  it('delivers a flood of 20000 messages in order, reporting only the one that reached no listener', async () => {
    const { peer, my } = setup();
    const seen: string[] = [];
    my.onSocketMessage((event) => seen.push(String(event.data)));
    for (let index = 0; index < 20_000; index += 1) peer.emit(null, { event: 'message', data: String(index), isBuffer: false });
    await flushMessages();
    expect(seen).toEqual(Array.from({ length: 20_000 }, (_, index) => String(index)));
    my.offSocketMessage();
    peer.emit(null, { event: 'message', data: 'unheard', isBuffer: false });
    await flushMessages();
    expect(peer.ofOp('dispatched')).toEqual([{ op: 'dispatched', target: null, event: 'message', listeners: 0, thrown: [] }]);
  });

  it('passes a 1 MiB message to the engine intact', async () => {
    const { peer, my } = setup();
    my.connectSocket({ url: 'ws://127.0.0.1:1/' });
    await flushMessages();
    const big = 'ab'.repeat(512 * 1024) + '\u{1F600}';
    const echoed: string[] = [];
    my.onSocketMessage((event) => echoed.push(String(event.data)));
    await expect(my.sendSocketMessage({ data: big })).resolves.toEqual({ success: true });
    await flushMessages();
    expect(peer.ofOp('send')[0]?.options).toEqual({ data: big });
    expect(echoed).toEqual([big]);
  });

  it('fails the call with 1 when the transport refuses to send', async () => {
    const transport: MyTransport = {
      send() {
        throw new Error('link closed');
      },
      onMessage: () => undefined,
    };
    const my = createMy(transport);
    const failures: unknown[] = [];
    expect(() => my.onSocketOpen(() => undefined)).not.toThrow();
    await expect(my.sendSocketMessage({ data: 'x', fail: (result) => failures.push(result) })).rejects.toEqual({
      error: 1,
      errorMessage: 'The devtools engine cannot be reached.',
    });
    expect(failures).toHaveLength(1);
    expect(consoleError).toHaveBeenCalled();
  });

  it('ignores malformed engine messages and keeps working', async () => {
    const { peer, my } = setup();
    const seen: unknown[] = [];
    my.onSocketMessage((event) => seen.push(String(event.data)));
    const raw = peer.engineSide.send as (message: unknown) => void;
    raw({ kind: 'event', target: null, payload: { event: 'message', data: 42 } });
    raw({ kind: 'result' });
    raw('not an object');
    raw(null);
    peer.emit(null, { event: 'message', data: 'fine', isBuffer: false });
    await flushMessages();
    expect(seen).toEqual(['fine']);
    expect(consoleError).toHaveBeenCalledTimes(4);
  });

  it('runs a batch message by message in order, and a malformed one in it costs only itself', async () => {
    const { peer, my } = setup();
    const seen: unknown[] = [];
    my.onSocketMessage((event) => seen.push(String(event.data)));
    my.onSocketClose((event) => seen.push(`close ${event.code}`));
    const raw = peer.engineSide.send as (message: unknown) => void;
    const message = (data: unknown) => ({ kind: 'event', target: null, payload: { event: 'message', data, isBuffer: false } });
    raw({ kind: 'batch', messages: [message('a'), message(42), { kind: 'nonsense' }, message('b'), { kind: 'event', target: null, payload: { event: 'close', code: 1000, reason: '' } }] });
    raw(message('c'));
    raw({ kind: 'batch', messages: 'not a list' });
    raw({ kind: 'batch', messages: [] });
    await flushMessages();
    expect(seen).toEqual(['a', 'b', 'close 1000', 'c']);
    expect(consoleError).toHaveBeenCalledTimes(3);
  });

  it('survives a console.error that throws', async () => {
    consoleError.mockImplementation(() => {
      throw new Error('broken console');
    });
    const { peer, my } = setup();
    const after: string[] = [];
    my.onSocketMessage(() => {
      throw new Error('listener bug');
    });
    my.onSocketMessage(() => after.push('second listener'));
    peer.emit(null, { event: 'message', data: 'x', isBuffer: false });
    await flushMessages();
    expect(after).toEqual(['second listener']);
  });
});
