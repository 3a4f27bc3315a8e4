import { afterEach, describe, expect, it } from 'vitest';
import { PANEL_CHANNELS } from '../shared/electron-ipc';
import type { PanelMessage } from '../shared/panel-wire';
import { createPanelApi } from './panel-api';
import type { PanelIpc } from './panel-api';

/** Fake of Electron's ipcRenderer: records sends (structured-cloned, as IPC does) and lets the test emit. */
class FakeIpcRenderer implements PanelIpc {
  readonly sent: { channel: string; payload: unknown }[] = [];
  private readonly listeners = new Map<string, ((event: { ports: readonly MessagePort[] }) => void)[]>();
  send(channel: string, payload?: unknown): void {
    this.sent.push({ channel, payload: structuredClone(payload) });
  }
  on(channel: string, listener: (event: { ports: readonly MessagePort[] }) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  /** What webContents.postMessage('panel:port', null, [port]) looks like from the preload. */
  deliverPort(port: MessagePort): void {
    for (const listener of this.listeners.get(PANEL_CHANNELS.port) ?? []) listener({ ports: [port] });
  }
}

const state = (n: number): PanelMessage => ({ kind: 'cleared', stats: { total: n, dropped: 0, held: 0, capacity: 10, cleared: n } });
const channels: MessageChannel[] = [];
function channel(): MessageChannel {
  const created = new MessageChannel();
  channels.push(created);
  return created;
}
afterEach(() => {
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close();
    port2.close();
  }
});

function nextMessages(count: number): { received: unknown[][]; done: Promise<void>; listener: (...args: unknown[]) => void } {
  const received: unknown[][] = [];
  let resolve: () => void = () => {};
  const done = new Promise<void>((settle) => {
    resolve = settle;
  });
  return {
    received,
    done,
    listener: (...args: unknown[]) => {
      received.push(args);
      if (received.length === count) resolve();
    },
  };
}

describe('createPanelApi (window.msdPanel)', () => {
  it('says panel:ready once, then streams port messages to listeners as bare data, keeping early ones', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createPanelApi(ipc, { report: () => {} });
    expect(ipc.sent).toEqual([{ channel: 'panel:ready', payload: undefined }]);

    const { port1, port2 } = channel();
    ipc.deliverPort(port2);
    port1.postMessage(state(1));
    port1.postMessage(state(2));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const first = nextMessages(3);
    api.onMessage(first.listener);
    port1.postMessage(state(3));
    await first.done;
    expect(first.received).toEqual([[state(1)], [state(2)], [state(3)]]);
  });

  it('unsubscribes, and a throwing listener does not starve the others', async () => {
    const ipc = new FakeIpcRenderer();
    const reports: string[] = [];
    const api = createPanelApi(ipc, { report: (message) => reports.push(message) });
    const { port1, port2 } = channel();
    ipc.deliverPort(port2);

    const removed: unknown[] = [];
    const unsubscribe = api.onMessage((message) => removed.push(message));
    api.onMessage(() => {
      throw new Error('boom');
    });
    const kept = nextMessages(2);
    api.onMessage(kept.listener);

    port1.postMessage(state(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    unsubscribe();
    unsubscribe();
    port1.postMessage(state(2));
    await kept.done;
    expect(removed).toEqual([state(1)]);
    expect(kept.received).toEqual([[state(1)], [state(2)]]);
    expect(reports).toEqual(['a panel message listener threw', 'a panel message listener threw']);
  });

  it('switches to a new port when main sends one (panel reconnect) and closes the old one', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createPanelApi(ipc, { report: () => {} });
    const old = channel();
    ipc.deliverPort(old.port2);
    const fresh = channel();
    ipc.deliverPort(fresh.port2);
    const got = nextMessages(1);
    api.onMessage(got.listener);
    old.port1.postMessage(state(1));
    fresh.port1.postMessage(state(2));
    await got.done;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(got.received).toEqual([[state(2)]]);
  });

  it('validates and copies requests before they leave, on panel:request', () => {
    const ipc = new FakeIpcRenderer();
    const api = createPanelApi(ipc, { report: () => {} });
    const request = { kind: 'ack', seq: 41, extra: 'dropped' };
    api.send(request as never);
    request.seq = 99;
    expect(ipc.sent.at(-1)).toEqual({ channel: 'panel:request', payload: { kind: 'ack', seq: 41 } });

    expect(() => api.send({ kind: 'ack', seq: -1 })).toThrow(TypeError);
    expect(() => api.send({ kind: 'launch-missiles' } as never)).toThrow(/msdPanel.send: invalid request/);
    expect(ipc.sent.filter((entry) => entry.channel === 'panel:request')).toHaveLength(1);
  });

  it('validates the mini-app bounds before sending them on panel:miniapp-bounds', () => {
    const ipc = new FakeIpcRenderer();
    const api = createPanelApi(ipc, { report: () => {} });
    api.setMiniappBounds({ x: 10, y: 20, width: 375, height: 667 });
    expect(ipc.sent.at(-1)).toEqual({ channel: 'panel:miniapp-bounds', payload: { x: 10, y: 20, width: 375, height: 667 } });
    expect(() => api.setMiniappBounds({ x: Number.NaN, y: 0, width: 1, height: 1 })).toThrow(TypeError);
    expect(() => api.setMiniappBounds({ x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 1 })).toThrow(TypeError);
    expect(() => api.onMessage('not a function' as never)).toThrow(TypeError);
  });

  it('asks main to reload the mini-app on panel:reload-miniapp', () => {
    const ipc = new FakeIpcRenderer();
    const api = createPanelApi(ipc, { report: () => {} });
    api.reloadMiniapp?.();
    expect(ipc.sent.at(-1)).toEqual({ channel: 'panel:reload-miniapp', payload: undefined });
  });

  it('exposes exactly four frozen functions and nothing of ipcRenderer', () => {
    const ipc = new FakeIpcRenderer();
    const api = createPanelApi(ipc, { report: () => {} });
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['onMessage', 'reloadMiniapp', 'send', 'setMiniappBounds']);
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect([ipc, ipc.send, ipc.on]).not.toContain(value);
    }
    expect(JSON.stringify(Object.getOwnPropertyNames(api))).not.toMatch(/ipc|port|channel/i);
  });
});
