// Single-mode replacement and rejection, the reconnect-storm guard, and task mode (independent tasks,
// the 5-task limit, dead tasks) over the raw wire contract against the real lab server.
import { describe, expect, it } from 'vitest';
import { labPerFile } from '../lab/test-support/lab-per-file';
import type { EngineSettings } from '../../shared/settings';
import type { WireTestClient } from './test-support/wire-test-client';
import { attachWireTestClient } from './test-support/wire-test-client';
import { engineEachTest } from './test-support/engine-per-test';

const lab = labPerFile();
const engines = engineEachTest();

function setup(settings: Partial<EngineSettings> = {}): WireTestClient {
  return attachWireTestClient(engines.create(settings));
}

function warnings(id: string) {
  return [...engines.current().capture.from(0)].filter((entry) => entry.kind === 'warning' && entry.name === id);
}

describe('single mode: a second connectSocket', () => {
  it('replaces an OPEN connection: exactly one close {1000} for the old one, before the new success', async () => {
    const client = setup();
    const first = client.call('connect', { url: lab.url('echo') });
    await client.event(null, 'open');
    const second = client.call('connect', { url: `${lab.url('echo')}?second=1` });
    await client.result(second);
    await client.waitFor((m) => m.kind === 'event' && m.payload.event === 'open' && client.trace().filter((t) => t === 'open').length === 2);
    expect(client.trace()).toEqual([`ok#${first}`, 'open', 'close:1000', `ok#${second}`, 'open']);
    const closeEvent = client.messages.find((m) => m.kind === 'event' && m.payload.event === 'close');
    expect(closeEvent?.kind === 'event' && closeEvent.payload).toEqual({ event: 'close', code: 1000, reason: 'replaced by connectSocket' });
    expect(warnings('second-single-connect')).toHaveLength(1);

    // The old socket is detached: nothing more from it, and sends go to the new one.
    const send = client.call('send', { data: 'to the new one' });
    await client.result(send);
    await client.event(null, 'message');
    const state = engines.current().state();
    expect(state?.connections.map((c) => [c.connectionId, c.state])).toEqual([
      ['s1', 'CLOSED'],
      ['s2', 'OPEN'],
    ]);
    expect(state?.connections[1]?.url).toBe(`${lab.url('echo')}?second=1`);
    expect(client.trace().filter((t) => t.startsWith('close'))).toEqual(['close:1000']);
  });

  it('replaces a CONNECTING connection with close {1006}, and the old handshake never reports', async () => {
    const client = setup();
    const first = client.call('connect', { url: lab.url('silent'), timeout: 200 });
    const second = client.call('connect', { url: lab.url('echo') });
    await client.event(null, 'open');
    // Longer than the first connection's timeout: its error 6 would have come by now if it were attached.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(client.trace()).toEqual([`ok#${first}`, 'close:1006', `ok#${second}`, 'open']);
  });

  it('after closeSocket, a reconnect while the old one is still CLOSING delivers its close first, without a warning', async () => {
    const client = setup();
    client.call('connect', { url: lab.url('echo') });
    await client.event(null, 'open');
    const close = client.call('close', { code: 4001, reason: 'bye' });
    const reconnect = client.call('connect', { url: lab.url('echo') });
    await client.waitFor(() => client.trace().filter((t) => t === 'open').length === 2);
    expect(client.trace().slice(2)).toEqual([`ok#${close}`, 'close:4001', `ok#${reconnect}`, 'open']);
    expect(warnings('second-single-connect')).toHaveLength(0);
  });

  it('the reconnect-storm guard refuses a replace loop with 1 and leaves the live connection alone', async () => {
    const client = setup();
    client.call('connect', { url: lab.url('silent'), timeout: 10_000 });
    const results: number[] = [];
    for (let i = 0; i < 30; i += 1) results.push(client.call('connect', { url: lab.url('silent'), timeout: 10_000 }));
    const answers = await Promise.all(results.map((id) => client.result(id)));
    const failed = answers.filter((answer) => !answer.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatchObject({ error: 1, errorMessage: expect.stringContaining('reconnect storm') });
    expect(warnings('reconnect-storm').length).toBe(failed.length);
    const live = engines.current().state().connections.filter((c) => c.state !== 'CLOSED') ?? [];
    expect(live).toHaveLength(1);
  });
});

describe('task mode', () => {
  it('tasks are independent and never reach the single-mode target', async () => {
    const client = setup();
    const a = client.call('connect', { url: lab.url('echo') }, 'task-a');
    const b = client.call('connect', { url: lab.url('echo') }, 'task-b');
    await client.event('task-a', 'open');
    await client.event('task-b', 'open');
    client.call('send', { data: 'for a' }, 'task-a');
    client.call('send', { data: 'for b' }, 'task-b');
    expect((await client.event('task-a', 'message')).payload).toMatchObject({ data: 'for a' });
    expect((await client.event('task-b', 'message')).payload).toMatchObject({ data: 'for b' });
    client.call('close', { code: 3001 }, 'task-a');
    expect((await client.event('task-a', 'close')).payload).toMatchObject({ code: 3001 });
    const sendB = client.call('send', { data: 'b still open' }, 'task-b');
    expect(await client.result(sendB)).toMatchObject({ ok: true });
    expect(client.trace(null)).toEqual([]);
    expect(client.trace('task-a')[0]).toBe(`ok#${a}`);
    expect(client.trace('task-b')[0]).toBe(`ok#${b}`);
    expect(engines.current().state().connections.map((c) => [c.connectionId, c.target])).toEqual([
      ['t1', 'task-a'],
      ['t2', 'task-b'],
    ]);
  });

  it('the sixth live task fails with 1 "exceed each tiny app max socket count"; closing one frees a slot', async () => {
    const client = setup();
    for (let i = 1; i <= 5; i += 1) client.call('connect', { url: lab.url('echo') }, `t${i}`);
    for (let i = 1; i <= 5; i += 1) await client.event(`t${i}`, 'open');
    const sixth = client.call('connect', { url: lab.url('echo') }, 't6');
    const refused = await client.result(sixth);
    expect(refused).toEqual({ kind: 'result', callId: sixth, ok: false, error: 1, errorMessage: 'An unknown error. (exceed each tiny app max socket count)' });
    expect(warnings('task-limit')).toHaveLength(1);

    // The refused task is dead: send → 10, close → success.
    expect(await client.result(client.call('send', { data: 'x' }, 't6'))).toMatchObject({ ok: false, error: 10 });
    expect(await client.result(client.call('close', {}, 't6'))).toMatchObject({ ok: true, payload: { message: '' } });

    client.call('close', {}, 't1');
    await client.event('t1', 'close');
    const seventh = client.call('connect', { url: lab.url('echo') }, 't7');
    expect(await client.result(seventh)).toMatchObject({ ok: true });
    await client.event('t7', 'open');
  });

  it('the limit follows settings.maxTasks, and the single-mode connection does not count', async () => {
    const client = setup({ maxTasks: 2 });
    client.call('connect', { url: lab.url('echo') });
    client.call('connect', { url: lab.url('echo') }, 'x1');
    client.call('connect', { url: lab.url('echo') }, 'x2');
    const third = client.call('connect', { url: lab.url('echo') }, 'x3');
    expect(await client.result(third)).toMatchObject({ ok: false, error: 1 });
  });

  it('a task whose connect failed validation is dead: send fails with 10, close succeeds', async () => {
    const client = setup();
    expect(await client.result(client.call('connect', { url: 'http://nope' }, 'dead'))).toMatchObject({ ok: false, error: 5 });
    expect(await client.result(client.call('send', { data: 'x' }, 'dead'))).toMatchObject({ ok: false, error: 10 });
    expect(await client.result(client.call('close', {}, 'dead'))).toMatchObject({ ok: true });
    expect(client.trace('dead')).toEqual(['fail#1:5', 'fail#2:10', 'ok#3']);
  });

  it('a task handshake failure goes to that task only: error then close', async () => {
    const client = setup();
    client.call('connect', { url: lab.url('bad-accept') }, 'bad');
    client.call('connect', { url: lab.url('echo') }, 'good');
    await client.event('bad', 'close');
    await client.event('good', 'open');
    expect(client.trace('bad')).toEqual(['ok#1', 'error:8', 'close:1006']);
    expect(client.trace('good')).toEqual(['ok#2', 'open']);
  });
});
