import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_APIS, type MyTransport } from '../my-wire';
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

describe('SocketTask (multiple: true)', () => {
  it('is returned synchronously, usable inside success, and sends and closes on its own target', async () => {
    const { peer, my } = setupScriptedMy({ autoOpen: false });
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
    const { my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy({ autoOpen: false });
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
    const { my } = setupScriptedMy({}, true);
    expect(my.connectSocket({ url: 'ws://127.0.0.1:1/' })).toBeDefined();
    expect(my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: false })).toBeUndefined();
    expect(setupScriptedMy().my.connectSocket({ url: 'ws://127.0.0.1:1/' })).toBeUndefined();
  });
});

describe('reset (the page session ended)', () => {
  it('drops pending calls, kills tasks, and answers later task calls locally', async () => {
    const { peer, my } = setupScriptedMy({ autoOpen: false });
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
    expect(peer.received.slice(before).filter((message) => 'target' in message && message.target === id)).toEqual([]);
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
    const { peer, my } = setupScriptedMy();
    const api = my as unknown as Record<string, (...args: unknown[]) => unknown>;
    const task = my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: true }) as unknown as Record<string, (...args: unknown[]) => unknown>;
    const promises: Promise<unknown>[] = [];
    // The scripted peer answers socket calls only; the engine APIs' answers are covered in my-apis tests.
    const answeredByPeer = (name: string) => !(ENGINE_APIS as readonly string[]).includes(name);
    const callAll = (target: Record<string, (...args: unknown[]) => unknown>) => {
      for (const name of Object.keys(target)) {
        for (const value of garbage) {
          const method = target[name];
          if (!method) throw new Error(`missing ${name}`);
          let returned: unknown;
          expect(() => (returned = method(value))).not.toThrow();
          if (returned instanceof Promise && answeredByPeer(name)) promises.push(returned.catch((failure: unknown) => failure));
        }
        let returned: unknown;
        expect(() => (returned = target[name]?.())).not.toThrow();
        if (returned instanceof Promise && answeredByPeer(name)) promises.push(returned.catch((failure: unknown) => failure));
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
    const { peer, my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy();
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
