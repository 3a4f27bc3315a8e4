// The socket fixture project (e2e/fixtures/miniprogram-socket) end to end without a browser: its files go
// through compile-js (import/export included) into the logic runtime, whose `my` reaches the lab echo through
// the real engine; the view is played by the test.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileJs, logicModuleScript } from '../../../main/miniprogram/compile-js';
import { createEngine } from '../../../main/core/engine';
import type { Engine } from '../../../main/core/ports';
import { startLabServer, type LabServer } from '../../../main/lab/lab-server';
import type { EngineLinkMessage } from '../../../shared/my-wire';
import { createMy } from '../../../shared/my/create-my';
import { LOGIC_DEFINE_GLOBAL } from '../../../shared/miniprogram/logic-urls';
import { applyDataOps, type DataObject } from '../../../shared/miniprogram/data-path';
import type { LogicToView, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import type { LoadedModule, ModuleSource } from './module-registry';
import { createLogicRuntime, type LogicRuntime } from './runtime';

const projectDir = fileURLToPath(new URL('../../../e2e/fixtures/miniprogram-socket/', import.meta.url));

/** Project files compiled as the host serves them and evaluated in Node (the Worker uses blob: URLs instead). */
function directoryModules(dir: string): ModuleSource {
  return {
    load(path) {
      const file = join(dir, path);
      if (!existsSync(file)) return undefined;
      let loaded: LoadedModule;
      const define = (_path: string, run: unknown, problem: unknown): void => {
        loaded = typeof run === 'function' ? { ok: true, run: run as never } : { ok: false, problem: problem as never };
      };
      new Function(LOGIC_DEFINE_GLOBAL, logicModuleScript(path, compileJs(readFileSync(file, 'utf8'), path)))(define);
      return loaded;
    },
  };
}

let lab: LabServer;
let engine: Engine | undefined;
beforeAll(async () => {
  lab = await startLabServer();
  Object.assign(globalThis, { __MSD_LAB__: { endpoints: [{ name: 'echo', url: lab.url('echo'), description: 'echo' }] } });
});
afterAll(async () => {
  Reflect.deleteProperty(globalThis, '__MSD_LAB__');
  await lab.close();
});
afterEach(() => engine?.shutdown());

describe('socket fixture project', () => {
  it('connects to the lab echo, shows echoed messages via $spliceData, and a component event sends again', async () => {
    engine = createEngine();
    const listeners: ((message: EngineLinkMessage) => void)[] = [];
    const session = engine.attachClient({ origin: 'http://miniapp.test', send: (message) => listeners.forEach((listener) => listener(message)) });
    const views: ((message: ViewToLogic) => void)[] = [];
    const data = new Map<number, DataObject>();
    const runtime: LogicRuntime = createLogicRuntime({
      channel: {
        post(message: LogicToView) {
          if (message.t === 'init') data.set(message.instanceId, message.data as DataObject);
          if (message.t === 'set-data') data.set(message.instanceId, applyDataOps(data.get(message.instanceId) ?? {}, message.ops));
        },
        onMessage: (listener) => views.push(listener),
      },
      modules: directoryModules(projectDir),
      config: { pages: ['pages/index/index'], tabBarPages: [] },
      baseMy: createMy({
        send: (message) => session.receive(message.op === 'connect' || message.op === 'send' ? { ...message, page: runtime.currentRoute() } : message),
        onMessage: (listener) => listeners.push(listener),
      }),
    });
    runtime.start();
    await expect.poll(() => data.get(1)?.messages, { timeout: 10_000 }).toEqual(['hello 1']);
    expect(data.get(1)?.status).toBe('open');

    const send = (message: ViewToLogic): void => views.forEach((listener) => listener(message));
    send({ t: 'component-create', instanceId: 1_000_000, parentId: 1, pageId: 1, path: '/components/message-list/index', props: { items: ['hello 1'] }, eventProps: { onPick: 'send' } });
    const event = { type: 'tap', timeStamp: 1, target: { id: '', tagName: 'text', dataset: {} }, currentTarget: { id: '', tagName: 'text', dataset: {} }, detail: null };
    send({ t: 'event', instanceId: 1_000_000, handler: 'again', event });
    await expect.poll(() => data.get(1)?.messages, { timeout: 10_000 }).toEqual(['hello 1', 'hello 2']);
    const calls = [...engine.capture.from(0)].filter((entry) => entry.kind === 'call' && ['connectSocket', 'sendSocketMessage'].includes(entry.name));
    expect(calls.map((entry) => [entry.name, entry.page])).toEqual([
      ['connectSocket', 'pages/index/index'],
      ['sendSocketMessage', 'pages/index/index'],
      ['sendSocketMessage', 'pages/index/index'],
    ]);
  });
});
