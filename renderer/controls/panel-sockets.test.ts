// The panel's controls against the real engine, panel session and lab server on 127.0.0.1: the same path
// the app uses (panel `my` → PanelTransport → panel session → engine → ws).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import type { SocketErrorCode } from '../../shared/error-codes';
import type { PanelTransport } from '../../shared/panel-wire';
import { createEngine } from '../../main/core/engine';
import { openJsonPanelLink } from '../../main/core/test-support/json-panel-link';
import type { Engine } from '../../main/core/ports';
import type { LabServer } from '../../main/lab/lab-server';
import { startLabServer } from '../../main/lab/lab-server';
import { createPanelMy } from './panel-my';
import type { PanelSockets } from './panel-sockets';
import { createPanelSockets } from './panel-sockets';
import { reproductionRecipes } from './reproduce-error';

let lab: LabServer;
beforeAll(async () => {
  lab = await startLabServer();
});
afterAll(async () => {
  await lab?.close();
});

/** Polls (bounded) until the condition holds; fails with `what` otherwise. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const panelEntries = (engine: Engine): CaptureEntry[] => [...engine.capture.from(0)].filter((entry) => entry.clientId === 'panel');

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

function setup(): { engine: Engine; sockets: PanelSockets; transport: PanelTransport } {
  const engine = createEngine();
  engine.setLabEndpoints(lab.endpoints);
  const { transport, session } = openJsonPanelLink(engine);
  const sockets = createPanelSockets(createPanelMy(transport));
  cleanup = async () => {
    session.close();
    await engine.shutdown();
  };
  return { engine, sockets, transport };
}

describe('panel sockets over the real engine', () => {
  it('connects in single mode, sends, receives the echo and closes with a code', async () => {
    const { engine, sockets } = setup();
    const { key, answered } = sockets.connect({ url: lab.url('echo'), multiple: false });
    expect(key).toBe('single');
    expect(await answered).toBe(true);
    expect(await sockets.whenOpen('single')).toBe(true);
    expect(await sockets.send('single', { data: 'hello from the panel', isBuffer: false })).toBe(true);
    await waitFor(() => sockets.store.getState().connections[0]?.received === 1, 'the echo');
    expect(await sockets.send('single', { data: '3q2+7w==', isBuffer: true })).toBe(true);
    await waitFor(() => sockets.store.getState().connections[0]?.received === 2, 'the binary echo');
    expect(await sockets.close('single', 4000, 'done')).toBe(true);
    await waitFor(() => sockets.store.getState().connections[0]?.state === 'closed', 'the close event');
    expect(sockets.store.getState().connections[0]).toMatchObject({ closeCode: 4000, closeReason: 'done' });
    const frames = panelEntries(engine).filter((entry) => entry.kind === 'frame' && entry.opcode !== 8);
    expect(frames.map((f) => [f.direction, f.name, f.payload])).toEqual([
      ['out', 'text', 'hello from the panel'],
      ['in', 'text', 'hello from the panel'],
      ['out', 'binary', '3q2+7w=='],
      ['in', 'binary', '3q2+7w=='],
    ]);
    const labels = sockets.store.getState().outcomes.map((o) => `${o.ok ? 'ok' : 'fail'} ${o.label}`);
    expect(labels).toContain(`ok connectSocket ${lab.url('echo')}`);
    expect(labels).toContain('ok closeSocket 4000 "done"');
  });

  it('shows a failed call inline with its code and message, and a send before open as error 10', async () => {
    const { sockets } = setup();
    expect(await sockets.connect({ url: 'https://127.0.0.1/', multiple: false }).answered).toBe(false);
    expect(sockets.store.getState().outcomes[0]?.ok).toBe(false);
    expect(sockets.store.getState().outcomes[0]?.text).toMatch(/^error 5: The URL must start with WS or WSS\./);
    expect(await sockets.send('single', { data: 'x', isBuffer: false })).toBe(false);
    expect(sockets.store.getState().outcomes[0]?.text).toMatch(/^error 10: /);
    expect(await sockets.send('task-99', { data: 'x', isBuffer: false })).toBe(false);
    expect(sockets.store.getState().outcomes[0]).toMatchObject({ ok: false, text: 'no connection task-99' });
  });

  it('opens tasks, learns their engine id, and reports their error events', async () => {
    const { sockets } = setup();
    const { key, answered } = sockets.connect({ url: lab.url('wss-echo'), multiple: true });
    expect(key).toBe('task-1');
    expect(await answered).toBe(true);
    expect(await sockets.whenOpen('task-1')).toBe(false);
    const view = sockets.store.getState().connections.find((c) => c.key === 'task-1');
    expect(view).toMatchObject({ state: 'closed', lastError: { error: 7 } });
    expect(view?.socketTaskID).toBeTruthy();
    expect(sockets.store.getState().outcomes.some((o) => o.label === 'task-1.onError' && o.text.startsWith('error 7: '))).toBe(true);
    sockets.dismiss('task-1');
    expect(sockets.store.getState().connections).toEqual([]);
  });
});

describe('the panel connection list', () => {
  it('drops all but the newest few finished tasks when a new connection starts', async () => {
    const { sockets } = setup();
    for (let i = 0; i < 6; i += 1) await sockets.connect({ url: '', multiple: true }).answered;
    // task-6 was still connecting when it started, so three finished ones were kept beside it.
    expect(sockets.store.getState().connections.map((view) => view.key)).toEqual(['task-3', 'task-4', 'task-5', 'task-6']);
    const live = sockets.connect({ url: lab.url('echo'), multiple: true });
    expect(await sockets.whenOpen(live.key)).toBe(true);
    expect(sockets.store.getState().connections.map((view) => [view.key, view.state])).toEqual([
      ['task-4', 'failed'],
      ['task-5', 'failed'],
      ['task-6', 'failed'],
      ['task-7', 'open'],
    ]);
    expect(await sockets.send('task-3', { data: 'x', isBuffer: false })).toBe(false);
  });
});

describe('reproduce error buttons over the real engine and lab', () => {
  it('reproduce every code 1–12 by a real condition', async () => {
    const { engine, sockets, transport } = setup();
    const recipes = reproductionRecipes({
      sockets,
      lab: lab.endpoints,
      settings: engine.settings(),
      updateSettings: (patch) => transport.send({ kind: 'settings', patch }),
    });
    expect(recipes.map((r) => r.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(recipes.filter((r) => r.unavailable !== null)).toEqual([]);
    const codesSeen = () => new Set(panelEntries(engine).flatMap((entry) => (entry.errorCode !== undefined ? [entry.errorCode] : [])));
    for (const recipe of recipes) {
      await recipe.run();
      await waitFor(() => codesSeen().has(recipe.code), `error ${recipe.code} in the capture`, 30_000);
    }
    await waitFor(() => engine.settings().singleModePolicy === 'replace', 'the policy restored after reproducing 2');
    expect([...codesSeen()].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => (i + 1) as SocketErrorCode));
  }, 120_000);

  it('marks the lab-only codes unavailable when no lab runs, saying why', () => {
    const engine = createEngine();
    const recipes = reproductionRecipes({ sockets: createPanelSockets(createPanelMy(openJsonPanelLink(engine).transport)), lab: [], settings: engine.settings(), updateSettings: () => undefined });
    const unavailable = recipes.filter((r) => r.unavailable !== null).map((r) => r.code);
    expect(unavailable).toEqual([2, 6, 7, 8, 9, 10, 11, 12]);
    expect(recipes.find((r) => r.code === 7)?.unavailable).toMatch(/lab server/);
  });
});
