// Bundled as a Worker by bench/measurements/miniprogram-tap.ts: the real logic runtime over one in-memory
// page whose tap handler renames the tapped row with setData (its callback makes the view acknowledge the render).
import type { LogicToView, ViewToLogic } from '../../shared/miniprogram/view-logic-protocol';
import type { ModuleFunction } from '../../renderer/miniprogram/logic/module-registry';
import { createLogicRuntime } from '../../renderer/miniprogram/logic/runtime';
import type { ListRow } from './miniprogram-list-page';

type Scope = { postMessage(message: LogicToView): void; onmessage: ((event: MessageEvent<{ rows?: ListRow[]; view?: ViewToLogic }>) => void) | null };
const scope = globalThis as unknown as Scope;
let deliver: ((message: ViewToLogic) => void) | undefined;

function listPage(rows: ListRow[]): ModuleFunction {
  return (_module, _exports, _require, _my, _getApp, _app, Page) => {
    let taps = 0;
    (Page as (options: object) => void)({
      data: { list: rows },
      select(this: { setData(data: object, callback: () => void): void }, event: { currentTarget: { dataset: { id: number } } }) {
        taps += 1;
        this.setData({ [`list[${event.currentTarget.dataset.id}].name`]: `tapped ${taps}` }, () => undefined);
      },
    });
  };
}

scope.onmessage = (event) => {
  const { rows, view } = event.data;
  if (view !== undefined) return deliver?.(view);
  if (rows === undefined) return;
  createLogicRuntime({
    channel: { post: (message) => scope.postMessage(message), onMessage: (listener) => (deliver = listener) },
    modules: { load: (path) => (path === 'pages/list/list.js' ? { ok: true, run: listPage(rows) } : undefined) },
    config: { pages: ['pages/list/list'], tabBarPages: [] },
    baseMy: {},
  }).start();
};
