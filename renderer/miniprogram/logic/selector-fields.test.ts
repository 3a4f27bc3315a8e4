// fields(), node() and this.createSelectorQuery() (docs/behaviour.md#selector-queries): what the logic asks the
// view, which page it searches, and what it warns about.
import { describe, expect, it } from 'vitest';
import type { LogicToView, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { createLogicRuntime } from './runtime';
import { readSelectorFields } from './selector-fields';
import { createViewQuestions } from './view-questions';

type Query = Record<string, (...args: unknown[]) => Record<string, (...args: unknown[]) => unknown>> & { exec(callback?: (results: unknown) => void): void };
type Asked = Extract<LogicToView, { t: 'ask' }>;

describe('readSelectorFields', () => {
  it('keeps the flags set to true and computedStyle names; names what it does not answer', () => {
    expect(readSelectorFields({ id: true, dataset: true, rect: false, size: true, scrollOffset: true, computedStyle: ['color'], node: true, properties: ['x'] })).toEqual({
      fields: { id: true, dataset: true, size: true, scrollOffset: true, computedStyle: ['color'] },
      ignored: ['node', 'properties'],
    });
    expect(readSelectorFields({ computedStyle: [1] })).toEqual({ fields: {}, ignored: ['computedStyle'] });
    expect(readSelectorFields('id')).toEqual({ fields: {}, ignored: ['(not an object)'] });
  });
});

describe('this.createSelectorQuery() with fields and node', () => {
  it('a page queries its own page; a component queries its page; node() answers null with a warning', async () => {
    const sent: LogicToView[] = [];
    const warnings: string[] = [];
    let toLogic: ((message: ViewToLogic) => void) | undefined;
    const post = (message: LogicToView): void => void sent.push(message);
    const asks = (): Asked[] => sent.filter((message): message is Asked => message.t === 'ask');
    const questions = createViewQuestions(post);
    const seen: Record<string, unknown> = {};
    let component: { createSelectorQuery(): Query } | undefined;
    const runtime = createLogicRuntime({
      channel: { post, onMessage: (listener) => (toLogic = listener) },
      config: { pages: ['pages/index/index'], tabBarPages: [] },
      baseMy: {},
      questions,
      warn: (message) => warnings.push(message),
      modules: {
        load(path) {
          if (path === 'app.js') return { ok: true, run: () => undefined };
          if (path === 'components/card/card.js') {
            return {
              ok: true,
              run: (_module, _exports, _require, _my, _getApp, _App, _Page, Component) =>
                (Component as (options: object) => void)({
                  didMount() {
                    component = this as unknown as { createSelectorQuery(): Query };
                  },
                }),
            };
          }
          if (path !== 'pages/index/index.js') return undefined;
          return {
            ok: true,
            run: (_module, _exports, _require, _my, _getApp, _App, Page) =>
              (Page as (options: object) => void)({
                onLoad() {
                  const query = (this as unknown as { createSelectorQuery(): Query }).createSelectorQuery();
                  query['select']?.('#title')['fields']?.({ id: true, dataset: true, computedStyle: ['color'], context: true }, (result: unknown) => (seen['fields'] = result));
                  query['select']?.('canvas')['node']?.((result: unknown) => (seen['node'] = result));
                  query.exec((results) => (seen['exec'] = results));
                },
              }),
          };
        },
      },
    });
    runtime.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asks().map((ask) => ask.question)).toEqual([
      {
        kind: 'query',
        pageId: 1,
        requests: [
          { selector: '#title', all: false, field: 'fields', fields: { id: true, dataset: true, computedStyle: ['color'] } },
          { selector: 'canvas', all: false, field: 'node' },
        ],
      },
    ]);
    expect(warnings).toEqual([
      'createSelectorQuery: fields() does not answer context in the preview',
      'createSelectorQuery: node() is not available in the preview (the page logic runs apart from the view); the result is null',
    ]);
    const fields = { id: 'title', dataset: { k: 'v' }, color: 'rgb(0, 0, 0)' };
    toLogic?.({ t: 'answer', id: asks()[0]?.id ?? -1, answer: [fields, null] });
    await expect.poll(() => seen['exec']).toEqual([fields, null]);
    expect(seen['fields']).toEqual(fields);
    expect(seen['node']).toBeNull();

    toLogic?.({ t: 'component-create', instanceId: 7, parentId: 1, pageId: 1, path: 'components/card/card', props: {}, eventProps: {} });
    toLogic?.({ t: 'component-mounted', instanceId: 7 });
    await expect.poll(() => component).toBeDefined();
    const componentQuery = component?.createSelectorQuery();
    componentQuery?.['selectViewport']?.()['scrollOffset']?.();
    componentQuery?.exec();
    expect(asks().at(-1)?.question).toEqual({ kind: 'query', pageId: 1, requests: [{ selector: null, all: false, field: 'scroll' }] });
  });
});
