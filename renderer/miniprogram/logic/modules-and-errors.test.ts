// require resolution and cycles (docs/miniprogram-runtime.md#references §10.3); App rules (§2.1); uncaught errors → App.onError + problem.
import { describe, expect, it } from 'vitest';
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';
import { problemFromError } from './error-report';
import { createLogicRuntime } from './runtime';
import { createHarness, type TestModule } from './test-support/logic-harness';

const page = (extra: Record<string, unknown> = {}): TestModule => ({ Page }) => (Page as (options: object) => void)(extra);

describe('require', () => {
  it('resolves ./, ../, /, extensionless, folder/index and node_modules names', () => {
    const seen: unknown[] = [];
    const harness = createHarness({
      'app.js': ({ require }) => seen.push(require('./utils/math'), require('/utils'), require('lodashish'), require('./utils/math.js')),
      'utils/math.js': ({ module }) => (module.exports = 'math'),
      'utils/index.js': ({ module, require }) => (module.exports = `index+${String(require('../config/settings'))}`),
      'config/settings.js': ({ module }) => (module.exports = 'settings'),
      'node_modules/lodashish/index.js': ({ module }) => (module.exports = 'npm'),
      'pages/index/index.js': page(),
    });
    harness.runtime.start();
    expect(seen).toEqual(['math', 'index+settings', 'npm', 'math']);
  });

  it('runs a module once and hands a cycle the partial exports', () => {
    const order: string[] = [];
    const harness = createHarness({
      'app.js': ({ require }) => {
        const a = require('./a') as { fromB: unknown; done: boolean };
        order.push(`app sees a.done=${String(a.done)} b.partialA=${String(a.fromB)}`);
        require('./b');
      },
      'a.js': ({ module, require }) => {
        const exports = module.exports as Record<string, unknown>;
        exports.done = false;
        order.push('a start');
        exports.fromB = (require('./b') as { sawADone: boolean }).sawADone;
        exports.done = true;
      },
      'b.js': ({ module, require }) => {
        order.push('b start');
        module.exports = { sawADone: (require('./a') as { done: boolean }).done };
      },
      'pages/index/index.js': page(),
    });
    harness.runtime.start();
    expect(order).toEqual(['a start', 'b start', 'app sees a.done=true b.partialA=false']);
  });

  it('a missing module is an error reported as a problem', () => {
    const harness = createHarness({ 'app.js': ({ require }) => require('./nope'), 'pages/index/index.js': page() });
    harness.runtime.start();
    expect(harness.take('problem')[0]?.problem.message).toBe('Error: module "./nope" is not defined (required from app.js)');
  });

  it('a module that did not compile reports its problem with file and line', () => {
    const compileProblem: RuntimeProblem = { kind: 'js', message: 'Unexpected "}"', file: 'pages/index/index.js', line: 3, column: 1 };
    const sent: unknown[] = [];
    const withProblem = createHarnessWithCompileProblem(compileProblem, sent);
    withProblem.start();
    expect(sent.filter((message) => (message as { t: string }).t === 'problem')).toEqual([{ t: 'problem', problem: compileProblem }]);
  });
});

describe('App and errors', () => {
  it('App() once; getApp() is the instance with globalData and extra members', () => {
    let app: unknown;
    const harness = createHarness({
      'app.js': ({ App }) => {
        (App as (options: object) => void)({ globalData: { user: 'x' }, helper: () => 'h' });
        (App as (options: object) => void)({});
      },
      'pages/index/index.js': ({ getApp }) => (app = (getApp as () => unknown)()),
    });
    harness.runtime.start();
    expect(app).toMatchObject({ globalData: { user: 'x' } });
    expect(harness.take('problem').map((message) => message.problem.message)).toEqual(['App() may be called only once (in app.js)']);
  });

  it('a throw in a hook or handler goes to App.onError(message, stack) and to a problem; the runtime goes on', () => {
    const onError: unknown[] = [];
    const log: string[] = [];
    const harness = createHarness({
      'app.js': ({ App }) => (App as (options: object) => void)({ onError: (message: string, stack: string) => onError.push(message, typeof stack) }),
      'pages/index/index.js': page({
        onLoad() {
          throw new TypeError('boom');
        },
        onShow: () => log.push('onShow still runs'),
      }),
    });
    harness.runtime.start();
    expect(onError).toEqual(['TypeError: boom', 'string']);
    expect(log).toEqual(['onShow still runs']);
    const [problem] = harness.take('problem');
    expect(problem?.problem).toMatchObject({ kind: 'runtime', message: 'TypeError: boom' });
  });

  it('my.onError listeners all fire after App.onError; my.offError() removes them all', () => {
    const got: string[] = [];
    const harness = createHarness({ 'app.js': ({ App }) => (App as (options: object) => void)({ onError: () => got.push('App.onError') }), 'pages/index/index.js': page() });
    harness.runtime.start();
    const my = harness.globals().my as Record<string, (listener?: unknown) => void>;
    my.onError?.((message: string) => got.push(`first ${message}`));
    my.onError?.(() => got.push('second'));
    harness.runtime.reportError(new Error('x'));
    my.offError?.();
    harness.runtime.reportError(new Error('y'));
    expect(got).toEqual(['App.onError', 'first Error: x', 'second', 'App.onError']);
  });

  it('reportError (the Worker error events) reaches onError; an onError that throws is only listed', () => {
    const harness = createHarness({
      'app.js': ({ App }) => (App as (options: object) => void)({ onError: () => { throw new Error('onError failed'); } }),
      'pages/index/index.js': page(),
    });
    harness.runtime.start();
    harness.sent.length = 0;
    harness.runtime.reportError(new Error('late'));
    expect(harness.take('problem').map((message) => message.problem.message)).toEqual(['Error: onError failed', 'Error: late']);
  });

  it('an unhandled rejection goes to App.onUnhandledRejection when defined, else to App.onError', () => {
    const got: unknown[] = [];
    const withHandler = createHarness({
      'app.js': ({ App }) => (App as (options: object) => void)({ onUnhandledRejection: (event: { reason: Error }) => got.push(event.reason.message), onError: () => got.push('onError') }),
      'pages/index/index.js': page(),
    });
    withHandler.runtime.start();
    withHandler.runtime.reportRejection(new Error('no catch'), undefined);
    const withoutHandler = createHarness({ 'app.js': ({ App }) => (App as (options: object) => void)({ onError: (message: string) => got.push(message) }), 'pages/index/index.js': page() });
    withoutHandler.runtime.start();
    withoutHandler.runtime.reportRejection('plain reason', undefined);
    expect(got).toEqual(['no catch', 'plain reason']);
    expect(withHandler.take('problem').map((message) => message.problem.message)).toEqual(['Error: no catch']);
  });

  it('an entry page missing from app.json opens the home page with a problem; no pages at all is a problem', () => {
    const harness = createHarness({ 'app.js': () => undefined, 'pages/index/index.js': page() }, { entry: { route: 'pages/gone/gone', query: {} } });
    harness.runtime.start();
    expect(harness.sent.find((message) => message.t === 'stack')).toEqual({ t: 'stack', pages: [{ pageId: 1, route: 'pages/index/index', query: {} }] });
    expect(harness.take('problem').map((message) => message.problem.message)).toEqual(['the launch page pages/gone/gone is not in app.json pages; opening pages/index/index']);
    const empty = createHarness({ 'app.js': () => undefined });
    empty.runtime.start();
    expect(empty.take('problem').map((message) => message.problem.message)).toEqual(['app.json has no pages']);
  });

  it('reads file and line from a served-module stack frame', () => {
    const error = new Error('x');
    error.stack = 'Error: x\n    at Object.onLoad (http://127.0.0.1:5000/__mp/logic/pages/a/a.js:12:5)\n    at run (blob:null/abc:1:1)';
    expect(problemFromError(error)).toMatchObject({ file: 'pages/a/a.js', line: 12, column: 5 });
  });
});

function createHarnessWithCompileProblem(problem: RuntimeProblem, sent: unknown[]) {
  return createLogicRuntime({
    channel: { post: (message) => sent.push(message), onMessage: () => undefined },
    modules: {
      load: (path) => {
        if (path === 'app.js') return { ok: true, run: () => undefined };
        if (path === 'pages/index/index.js') return { ok: false, problem };
        return undefined;
      },
    },
    config: { pages: ['pages/index/index'], tabBarPages: [] },
    baseMy: {},
    warn: () => undefined,
  });
}
