// Loading per page: each file once even when pages share it, nothing before a page asks, failures reported
// once, and the rest of the manifest prefetched in batches only when the caller says so.
import { describe, expect, it } from 'vitest';
import type { ModuleGraph } from '../../../shared/miniprogram/page-modules';
import { PageModuleLoader } from './page-module-loader';

const graph: ModuleGraph = {
  pages: [
    { route: 'pages/a/a', window: {}, usingComponents: { card: '/c/card' } },
    { route: 'pages/b/b', window: {}, usingComponents: { card: '/c/card' } },
    { route: 'pages/c/c', window: {}, usingComponents: {} },
  ],
  components: [{ path: '/c/card', usingComponents: {} }],
  axml: ['/pages/a/a.axml', '/pages/b/b.axml', '/pages/c/c.axml', '/c/card.axml', '/t/row.axml'],
  sjs: ['/u/fmt.sjs'],
  deps: { '/pages/a/a.axml': ['/t/row.axml'], '/pages/b/b.axml': ['/t/row.axml', '/u/fmt.sjs'] },
  acss: ['/app.acss', '/c/card.acss', '/pages/a/a.acss', '/pages/c/c.acss'],
};

/** A LoadFile whose loads finish when the test says; `failing` files resolve false. */
function controlledFiles(failing: string[] = []) {
  const requested: string[] = [];
  const pending: (() => void)[] = [];
  const load = (path: string): Promise<boolean> => {
    requested.push(path);
    return new Promise((resolve) => pending.push(() => resolve(!failing.includes(path))));
  };
  const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  /** Lets the loader make its requests, then finishes every load so far. */
  const finish = async (): Promise<void> => {
    await tick();
    for (const done of pending.splice(0)) done();
    await tick();
  };
  return { requested, load, finish };
}

describe('PageModuleLoader', () => {
  it('loads a page’s modules and sheets when asked, and then answers at once', async () => {
    const files = controlledFiles();
    const loader = new PageModuleLoader(graph, files.load, () => undefined);
    expect(files.requested).toEqual([]);
    let ready = false;
    void loader.pagesReady(['pages/a/a'])?.then(() => (ready = true));
    expect(files.requested.sort()).toEqual(['/app.acss', '/c/card.acss', '/c/card.axml', '/pages/a/a.acss', '/pages/a/a.axml', '/t/row.axml']);
    expect(ready).toBe(false);
    await files.finish();
    expect(ready).toBe(true);
    expect(loader.pagesReady(['pages/a/a'])).toBeUndefined();
  });

  it('requests a file shared by two pages once, and only the new page’s own files on navigation', async () => {
    const files = controlledFiles();
    const loader = new PageModuleLoader(graph, files.load, () => undefined);
    void loader.pagesReady(['pages/a/a']);
    const second = loader.pagesReady(['pages/a/a', 'pages/b/b']);
    expect(second).toBeInstanceOf(Promise);
    await files.finish();
    await second;
    expect(files.requested.filter((file) => file === '/t/row.axml' || file === '/c/card.axml')).toEqual(['/c/card.axml', '/t/row.axml']);
    expect(files.requested.slice(6).sort()).toEqual(['/pages/b/b.axml', '/u/fmt.sjs']);
    expect(loader.pagesReady(['pages/b/b'])).toBeUndefined();
  });

  it('reports a file that failed once and does not wait for it again', async () => {
    const files = controlledFiles(['/pages/c/c.axml']);
    const failed: string[] = [];
    const loader = new PageModuleLoader(graph, files.load, (path) => failed.push(path));
    const ready = loader.pagesReady(['pages/c/c']);
    await files.finish();
    await ready;
    expect(failed).toEqual(['/pages/c/c.axml']);
    expect(loader.pagesReady(['pages/c/c'])).toBeUndefined();
    expect(failed).toEqual(['/pages/c/c.axml']);
  });

  it('prefetches every file not requested yet, a batch after each go-ahead', async () => {
    const files = controlledFiles();
    const loader = new PageModuleLoader(graph, files.load, () => undefined);
    void loader.pagesReady(['pages/c/c']);
    await files.finish();
    const goAheads: (() => void)[] = [];
    const prefetched = loader.prefetchAll(() => new Promise((resolve) => goAheads.push(resolve)), 3);
    await files.finish();
    expect(files.requested).toEqual(['/app.acss', '/pages/c/c.acss', '/pages/c/c.axml']);
    goAheads.shift()?.();
    await files.finish();
    expect(files.requested.slice(3)).toEqual(['/c/card.acss', '/pages/a/a.acss', '/pages/a/a.axml']);
    for (let round = 0; round < 2; round += 1) {
      goAheads.shift()?.();
      await files.finish();
    }
    await prefetched;
    expect(files.requested.slice(6)).toEqual(['/pages/b/b.axml', '/c/card.axml', '/t/row.axml', '/u/fmt.sjs']);
    expect(new Set(files.requested).size).toBe(files.requested.length);
  });
});
