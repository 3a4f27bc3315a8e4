import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MULTIPLE_ARGUMENT, LOGIC_LINK_ARGUMENT, MY_ENGINE_CHANNEL, MY_LOGIC_ENGINE_CHANNEL, labArgument } from '../shared/electron-ipc';
import type { ClientMessage, EngineLinkMessage, EngineMessage } from '../shared/my-wire';
import { createMy } from '../shared/my/create-my';
import { exposeMiniappMy } from './miniapp-api';
import type { MainWorldBridge } from './miniapp-api';
import { createIpcMyTransport } from './miniapp-transport';
import type { MiniappIpc } from './miniapp-transport';

type World = 'isolated' | 'main';
type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Fake of Electron's contextBridge, modelling what matters here: the page's main world is a separate
 * realm (a vm context); executeInMainWorld serializes `func` and runs it there; values are copied
 * between worlds (prototypes dropped) and every function crossing gets a fresh proxy — except a proxy
 * crossing back to the world of its original, which arrives as the original (electron#28285).
 */
function createFakeContextBridge() {
  const mainWorld = vm.createContext({ console });
  const proxies = new WeakMap<AnyFunction, { world: World; original: AnyFunction }>();

  function cross(value: unknown, from: World, to: World): unknown {
    if (typeof value === 'function') {
      const known = proxies.get(value as AnyFunction);
      if (known && known.world === to) return known.original;
      const original = value as AnyFunction;
      const proxy: AnyFunction = (...args) => {
        try {
          return cross(original(...args.map((arg) => cross(arg, to, from))), from, to);
        } catch (error) {
          throw new Error(error instanceof Error ? error.message : String(error), { cause: error });
        }
      };
      proxies.set(proxy, { world: from, original });
      return proxy;
    }
    if (value === null || typeof value !== 'object') return value;
    if (typeof (value as { then?: unknown }).then === 'function') {
      return (value as Promise<unknown>).then((settled) => cross(settled, from, to));
    }
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return structuredClone(value);
    if (Array.isArray(value)) return value.map((item) => cross(item, from, to));
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = cross((value as Record<string, unknown>)[key], from, to);
    return copy;
  }

  const bridge: MainWorldBridge = {
    executeInMainWorld({ func, args }) {
      const serialized = vm.runInContext(`(${func.toString()})`, mainWorld) as AnyFunction;
      return cross(serialized(...args.map((arg) => cross(arg, 'isolated', 'main'))), 'main', 'isolated');
    },
  };
  /** Runs page code in the main world. */
  const page = (code: string): unknown => vm.runInContext(code, mainWorld);
  /** What a naive contextBridge.exposeInMainWorld(name, api) would give the page. */
  const exposeNaively = (name: string, api: unknown): void => {
    mainWorld[name] = cross(api, 'isolated', 'main');
  };
  return { bridge, page, exposeNaively };
}

/** Fake of Electron's ipcRenderer: IPC structured-clones what is sent; the test plays the engine. */
class FakeIpcRenderer implements MiniappIpc {
  readonly sent: { channel: string; message: ClientMessage }[] = [];
  private readonly listeners: { channel: string; listener: (event: unknown, message: EngineLinkMessage) => void }[] = [];
  failing = false;
  send(channel: string, message: ClientMessage): void {
    if (this.failing) throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    this.sent.push({ channel, message: structuredClone(message) });
  }
  on(channel: string, listener: (event: unknown, message: EngineLinkMessage) => void): this {
    this.listeners.push({ channel, listener });
    return this;
  }
  engine(message: EngineLinkMessage, channel = MY_ENGINE_CHANNEL): void {
    for (const entry of this.listeners) if (entry.channel === channel) entry.listener({ sender: 'the Electron event object' }, structuredClone(message));
  }
  on_(channelName: string): ClientMessage[] {
    return this.sent.filter((entry) => entry.channel === channelName).map((entry) => entry.message);
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(argv: string[] = []) {
  const ipc = new FakeIpcRenderer();
  const worlds = createFakeContextBridge();
  exposeMiniappMy(ipc, worlds.bridge, argv);
  return { ipc, ...worlds };
}

describe('the mini-app preload (window.my)', () => {
  it('defines a read-only my with the socket API and the other my APIs in the main world, and nothing else', () => {
    const { page } = setup();
    expect(page('Object.keys(globalThis).filter((key) => key !== "console")')).toEqual(['my']);
    expect(page('Object.keys(my).sort()')).toEqual([
      'arrayBufferToBase64',
      'base64ToArrayBuffer',
      'canIUse',
      'clearStorage',
      'clearStorageSync',
      'closeSocket',
      'connectSocket',
      'getAuthCode',
      'getClipboard',
      'getNetworkType',
      'getOpenUserInfo',
      'getStorage',
      'getStorageInfo',
      'getStorageInfoSync',
      'getStorageSync',
      'getSystemInfo',
      'getSystemInfoSync',
      'httpRequest',
      'offAppHide',
      'offAppShow',
      'offError',
      'offNetworkStatusChange',
      'offSocketClose',
      'offSocketError',
      'offSocketMessage',
      'offSocketOpen',
      'onAppHide',
      'onAppShow',
      'onError',
      'onNetworkStatusChange',
      'onSocketClose',
      'onSocketError',
      'onSocketMessage',
      'onSocketOpen',
      'removeStorage',
      'removeStorageSync',
      'request',
      'sendSocketMessage',
      'setClipboard',
      'setStorage',
      'setStorageSync',
      'tradePay',
    ]);
    expect(page('Object.isFrozen(my)')).toBe(true);
    expect(page('"use strict"; try { my = {}; "replaced" } catch (error) { error.constructor.name }')).toBe('TypeError');
    expect(page('typeof ipcRenderer + typeof require + typeof process')).toBe('undefinedundefinedundefined');
  });

  it('makes multiple the default when the main process passes app.json\'s connectSocketDefaultMultiple (A17)', () => {
    const withDefault = setup([DEFAULT_MULTIPLE_ARGUMENT]);
    expect(withDefault.page('typeof my.connectSocket({ url: "ws://127.0.0.1:9/" })?.send')).toBe('function');
    expect(withDefault.page('my.connectSocket({ url: "ws://127.0.0.1:9/", multiple: false })')).toBeUndefined();
    expect(withDefault.ipc.on_('my:connect').map((message) => message.op === 'connect' && message.target)).toEqual(['task-1', null]);
    const without = setup();
    expect(without.page('my.connectSocket({ url: "ws://127.0.0.1:9/" })')).toBeUndefined();
  });

  it('keeps listener identity across the bridge: on twice, then off, of the same page function', () => {
    const { ipc, page } = setup();
    page('function onMessage(event) {}; my.onSocketMessage(onMessage); my.onSocketMessage(onMessage); my.offSocketMessage(onMessage);');
    expect(ipc.on_('my:listen')).toEqual([
      { op: 'listen', target: null, event: 'message', action: 'on', count: 1, sameFunctionCount: 1 },
      { op: 'listen', target: null, event: 'message', action: 'on', count: 2, sameFunctionCount: 2 },
      { op: 'listen', target: null, event: 'message', action: 'off', count: 0, sameFunctionCount: 0 },
    ]);
  });

  it('(why the wrapper exists) createMy exposed naively over this bridge cannot remove a listener', () => {
    const { page, exposeNaively } = setup();
    const naiveIpc = new FakeIpcRenderer();
    exposeNaively('naiveMy', createMy(createIpcMyTransport(naiveIpc)));
    page('function g(event) {}; naiveMy.onSocketMessage(g); naiveMy.onSocketMessage(g); naiveMy.offSocketMessage(g);');
    expect(naiveIpc.on_('my:listen').map((message) => message.op === 'listen' && [message.count, message.sameFunctionCount])).toEqual([
      [1, 1],
      [2, 1],
      [2, 0],
    ]);
  });

  it('sends calls on their my:* channel and runs callbacks and listeners in the page with plain payloads', async () => {
    const { ipc, page } = setup();
    page(`
      globalThis.seen = [];
      my.onSocketMessage((event) => seen.push(['message', event]));
      my.connectSocket({ url: 'ws://127.0.0.1:9/echo', success: (result) => seen.push(['success', result]) });
    `);
    const [connect] = ipc.on_('my:connect');
    expect(connect).toMatchObject({ op: 'connect', target: null, options: { url: 'ws://127.0.0.1:9/echo' } });
    const callId = (connect as { callId: number }).callId;

    ipc.engine({ kind: 'result', callId, ok: true, payload: {} });
    ipc.engine({ kind: 'event', target: null, payload: { event: 'message', data: 'hello', isBuffer: false } });
    ipc.engine({ kind: 'event', target: null, payload: { event: 'open' } });
    await tick();
    expect(page('JSON.stringify(seen)')).toBe(JSON.stringify([['success', {}], ['message', { data: 'hello', isBuffer: false }]]));
    // Only the event no listener heard is reported (a heard one costs no bridge message).
    expect(ipc.on_('my:dispatched')).toEqual([{ op: 'dispatched', target: null, event: 'open', listeners: 0, thrown: [] }]);
  });

  it('runs a batch of engine messages in order, as if they had come one by one', async () => {
    const { ipc, page } = setup();
    page(`
      globalThis.seen = [];
      my.onSocketMessage((event) => seen.push(event.data));
      my.onSocketClose((event) => seen.push('close ' + event.code));
    `);
    const message = (data: string): EngineMessage => ({ kind: 'event', target: null, payload: { event: 'message', data, isBuffer: false } });
    ipc.engine({ kind: 'batch', messages: [message('a'), message('b'), { kind: 'event', target: null, payload: { event: 'close', code: 1000, reason: '' } }] });
    ipc.engine(message('c'));
    await tick();
    expect(page('JSON.stringify(seen)')).toBe(JSON.stringify(['a', 'b', 'close 1000', 'c']));
  });

  it('reports a page listener that throws, through the bridge, in the dispatched report', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { ipc, page } = setup();
    page('my.onSocketOpen(() => { throw new Error("page bug") });');
    ipc.engine({ kind: 'event', target: null, payload: { event: 'open' } });
    await tick();
    const [report] = ipc.on_('my:dispatched') as { thrown: string[] }[];
    expect(report?.thrown).toHaveLength(1);
    expect(report?.thrown[0]).toContain('page bug');
    expect(consoleError).toHaveBeenCalledWith('my: a onSocketOpen listener threw', expect.anything());
    consoleError.mockRestore();
  });

  it('gives SocketTasks whose listeners keep their identity too', () => {
    const { ipc, page } = setup();
    page('globalThis.task = my.connectSocket({ url: "ws://127.0.0.1:9/", multiple: true }); function f() {}; task.onMessage(f); task.onMessage(f); task.offMessage(f);');
    expect(page('Object.keys(task).sort().join()')).toBe('close,offClose,offError,offMessage,offOpen,onClose,onError,onMessage,onOpen,send');
    const listens = ipc.on_('my:listen') as { target: string; count: number; sameFunctionCount: number }[];
    expect(listens.map(({ count, sameFunctionCount }) => [count, sameFunctionCount])).toEqual([[1, 1], [2, 2], [0, 0]]);
    expect(new Set(listens.map(({ target }) => target)).size).toBe(1);
    expect(ipc.on_('my:connect')[0]).toMatchObject({ target: listens[0]?.target });
  });

  it('fails a call with code 1 when IPC refuses the message, without throwing into the page', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { ipc, page } = setup();
    ipc.failing = true;
    page('globalThis.failed = null; my.sendSocketMessage({ data: "x", fail: (result) => { failed = result } }).catch(() => {});');
    await tick();
    expect(page('JSON.stringify(failed)')).toBe(JSON.stringify({ error: 1, errorMessage: 'The devtools engine cannot be reached.' }));
    expect(consoleError).toHaveBeenCalledWith('my: could not reach the devtools engine', expect.any(Error));
    consoleError.mockRestore();
  });

  it('defines window.__MSD_LAB__ only when main passes the lab endpoints', () => {
    const lab = { endpoints: [{ name: 'echo', url: 'ws://127.0.0.1:9001/echo', description: 'echoes every message' }] };
    const withLab = setup(['--type=renderer', labArgument(lab)]);
    expect(withLab.page('JSON.stringify(__MSD_LAB__)')).toBe(JSON.stringify(lab));
    const withoutLab = setup(['--msd-lab=%7Bbroken']);
    expect(withoutLab.page('typeof __MSD_LAB__')).toBe('undefined');
  });

  it('offers the logic Worker its link once on a mini-program view page: my-logic:* out, my-logic:engine in', async () => {
    const { ipc, page } = setup([LOGIC_LINK_ARGUMENT]);
    expect(page('typeof __msdTakeLogicLink')).toBe('function');
    page(`
      globalThis.link = __msdTakeLogicLink();
      globalThis.heard = [];
      link.onMessage((message) => heard.push(message));
      link.send({ op: 'listen', target: null, event: 'open', action: 'on', count: 1, sameFunctionCount: 1 });
    `);
    expect(page('__msdTakeLogicLink()')).toBeUndefined();
    expect(ipc.on_('my-logic:listen')).toEqual([{ op: 'listen', target: null, event: 'open', action: 'on', count: 1, sameFunctionCount: 1 }]);
    expect(ipc.on_('my:listen')).toEqual([]);
    ipc.engine({ kind: 'reset', reason: 'for the page' });
    ipc.engine({ kind: 'reset', reason: 'for the logic' }, MY_LOGIC_ENGINE_CHANNEL);
    await tick();
    expect(page('JSON.stringify(heard)')).toBe(JSON.stringify([{ kind: 'reset', reason: 'for the logic' }]));
    // An unknown op throws, as the page's transport does (startLogicWorker then fails the Worker's call).
    expect(page('try { link.send({ op: "bogus" }); "sent" } catch (error) { error.message }')).toContain('no IPC channel for op "bogus"');
  });

  it('offers no logic link on other pages', () => {
    const { page } = setup();
    expect(page('typeof __msdTakeLogicLink')).toBe('undefined');
  });
});
