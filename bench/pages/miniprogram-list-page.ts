// Bundled into a Chromium page by bench/measurements/miniprogram-view.ts: the view runtime rendering a compiled
// `a:for` list (product), and the same rows built and updated by hand with DOM calls (baseline).
import { DEFINE_GLOBAL } from '../../shared/miniprogram/view-bundle';
import type { ViewToLogic } from '../../shared/miniprogram/view-logic-protocol';
import { ModuleRegistry } from '../../renderer/miniprogram/view/module-registry';
import { applyDataOpsForTests } from '../../renderer/miniprogram/view/test-support/apply-data-ops';
import { MiniProgramView } from '../../renderer/miniprogram/view/view-runtime';

export interface ListRow {
  id: number;
  name: string;
  price: number;
}

/** `document.body.offsetHeight` makes both sides pay for style and layout inside the timed span. */
function forceLayout(): number {
  return document.body.offsetHeight;
}

let view: MiniProgramView | undefined;
let acknowledged: ((callbackIds: number[]) => void) | undefined;
let callbackId = 0;
let baselineRows: HTMLElement[] = [];

function freshContainer(): HTMLElement {
  document.body.innerHTML = '';
  const container = document.createElement('div');
  container.style.cssText = 'width:375px;height:667px;overflow:auto';
  document.body.append(container);
  return container;
}

/** One list implementation: build it, change one row's name (resolving once the DOM shows it), read a row. */
interface ListSide {
  mount(rows: ListRow[]): number | Promise<number>;
  update(index: number, name: string): void | Promise<void>;
  textOf(index: number): string;
}

const product = (code: string): ListSide => ({
  /** Resolves once the view sends `page-ready`: a long list mounts in slices (list-slices.ts). */
  async mount(rows) {
    view?.stop();
    let ready: (() => void) | undefined;
    const mounted = new Promise<void>((resolve) => (ready = resolve));
    const registry = new ModuleRegistry(() => undefined);
    new Function(DEFINE_GLOBAL, code)((kind: string, path: string, factory: unknown) => registry.define(kind, path, factory));
    const post = (message: ViewToLogic): void => {
      if (message.t === 'rendered') acknowledged?.(message.callbackIds);
      if (message.t === 'page-ready') ready?.();
    };
    const manifest = { pages: [{ route: 'pages/list/list', window: {}, usingComponents: {} }], components: [], window: {}, axml: [], sjs: [], deps: {}, acss: [], problems: [] };
    view = new MiniProgramView({ container: freshContainer(), manifest, registry, post, applyDataOps: applyDataOpsForTests });
    view.receive({ t: 'init', instanceId: 1, data: { list: rows.map((row) => ({ ...row })) } });
    view.receive({ t: 'stack', pages: [{ pageId: 1, route: 'pages/list/list', query: {} }] });
    await mounted;
    forceLayout();
    return document.querySelectorAll('.row').length;
  },
  /** From the `set-data` message to the view's `rendered` acknowledgement. */
  update(index, name) {
    const id = ++callbackId;
    const done = new Promise<void>((resolve) => {
      acknowledged = (ids) => ids.includes(id) && resolve();
    });
    view?.receive({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['list', index, 'name'], value: name }], callbackId: id });
    return done;
  },
  textOf: (index) => document.querySelectorAll('.row .name')[index]?.textContent ?? '',
});

const baseline: ListSide = {
  mount(rows) {
    view?.stop();
    view = undefined;
    const container = freshContainer();
    const list = document.createElement('div');
    list.className = 'a-page';
    baselineRows = rows.map((row) => {
      const element = document.createElement('div');
      element.className = 'a-view row';
      element.dataset.id = String(row.id);
      element.addEventListener('click', () => undefined);
      const name = document.createElement('span');
      name.className = 'a-text name';
      name.textContent = row.name;
      const price = document.createElement('span');
      price.className = 'a-text price';
      price.textContent = String(row.price);
      element.append(name, price);
      return element;
    });
    list.append(...baselineRows);
    container.append(list);
    forceLayout();
    return baselineRows.length;
  },
  /** The hand-written update: find the row's name node and set its text. */
  update(index, name) {
    const target = baselineRows[index]?.firstChild;
    if (target) target.textContent = name;
  },
  textOf: (index) => baselineRows[index]?.firstChild?.textContent ?? '',
};

export interface SideTimes {
  /** Mean ms per update, script only. */
  js: number;
  /** Mean ms per update including forced style + layout. */
  total: number;
}

/**
 * `updates` single-row updates spread over the list, timed as one loop (a single update is below the page's
 * timer resolution), once without and once with a forced layout after each; every update is checked.
 */
async function measureSide(side: ListSide, rows: ListRow[], updates: number): Promise<SideTimes> {
  if ((await side.mount(rows)) !== rows.length) throw new Error('wrong row count');
  const loop = async (layout: boolean, round: string): Promise<number> => {
    const started = performance.now();
    for (let step = 0; step < updates; step += 1) {
      await side.update((step * 7919) % rows.length, `${round} ${step}`);
      if (layout) forceLayout();
    }
    const elapsed = performance.now() - started;
    // 7919 is prime to the list length, so every step changed a different row.
    for (let step = 0; step < updates; step += 1) {
      const index = (step * 7919) % rows.length;
      if (side.textOf(index) !== `${round} ${step}`) throw new Error(`row ${index} shows "${side.textOf(index)}"`);
    }
    return elapsed / updates;
  };
  const js = await loop(false, 'js');
  const total = await loop(true, 'layout');
  return { js, total };
}

/** One run: the product side, then the baseline side, each on a freshly built list. */
async function runBoth(code: string, rows: ListRow[], updates: number): Promise<{ product: SideTimes; baseline: SideTimes }> {
  return { product: await measureSide(product(code), rows, updates), baseline: await measureSide(baseline, rows, updates) };
}

(globalThis as Record<string, unknown>).__mpBench = { runBoth };
