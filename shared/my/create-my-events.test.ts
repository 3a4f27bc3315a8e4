import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushMessages } from './test-support/scripted-peer';
import { setupScriptedMy } from './test-support/scripted-my';

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleError.mockRestore();
});

describe('listeners (docs/behaviour.md#listeners)', () => {
  it('runs a function registered twice twice, in registration order, and off(cb) removes every registration', async () => {
    const { peer, my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy();
    my.connectSocket({ url: 'ws://127.0.0.1:1/' });
    await flushMessages();
    expect(peer.ofOp('dispatched')).toEqual([{ op: 'dispatched', target: null, event: 'open', listeners: 0, thrown: [] }]);
  });

  it('ignores non-function arguments but reports them to the engine', async () => {
    const { peer, my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy();
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
    const { peer, my } = setupScriptedMy({ autoOpen: false });
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
    const { peer, my } = setupScriptedMy();
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
