// The page stack a mini-program view page reports (docs/miniprogram-runtime.md "Opening projects"): kept with its
// client for the panel's Project section; a malformed report is refused with a warning and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import type { Engine } from './ports';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.shutdown();
  engine = undefined;
});

describe('page-stack reports', () => {
  it('are kept with the client and replaced by the next one', async () => {
    engine = createEngine();
    const session = engine.attachClient({ origin: 'http://miniapp.test', send: () => undefined });
    session.receive({ op: 'page-stack', pages: [{ route: 'pages/index/index', query: {} }] });
    session.receive({ op: 'page-stack', pages: [{ route: 'pages/index/index', query: {} }, { route: 'pages/detail/detail', query: { from: 'index' } }] });
    expect(engine.state().clients[0]?.pageStack).toEqual([
      { route: 'pages/index/index', query: {} },
      { route: 'pages/detail/detail', query: { from: 'index' } },
    ]);
  });

  it('refuses a malformed report with a warning', async () => {
    engine = createEngine();
    const session = engine.attachClient({ origin: 'http://miniapp.test', send: () => undefined });
    session.receive({ op: 'page-stack', pages: [{ route: 42, query: {} }] });
    session.receive({ op: 'page-stack', pages: Array.from({ length: 65 }, () => ({ route: 'a', query: {} })) });
    expect(engine.state().clients[0]?.pageStack).toBeUndefined();
    expect([...engine.capture.from(0)].filter((entry) => entry.kind === 'warning')).toHaveLength(2);
  });
});
