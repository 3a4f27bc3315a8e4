// The logic asks the view for what only the view can do: my.showToast / confirm from page code become `ask`
// messages whose `answer` settles the call; my.createSelectorQuery sends its requests in order and hands
// each callback its result, then exec's callback the whole list.
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../shared/json';
import { createMemoryTransportPair } from '../../../shared/my/memory-transport';
import { createMy } from '../../../shared/my/create-my';
import type { LogicToView, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { createLogicRuntime } from './runtime';
import { createViewQuestions } from './view-questions';
import { onePageModules } from './test-support/logic-harness';

type AnyMy = Record<string, (options?: unknown) => unknown>;

/** Starts a one-page project whose onLoad is `onLoad`; the logic's messages land in `sent`, the view's go to `toLogic`. */
async function startPage(onLoad: (api: AnyMy) => void): Promise<{ sent: LogicToView[]; toLogic: (message: ViewToLogic) => void; asks: () => Array<Extract<LogicToView, { t: 'ask' }>> }> {
  const sent: LogicToView[] = [];
  let listener: ((message: ViewToLogic) => void) | undefined;
  const post = (message: LogicToView): void => void sent.push(message);
  const questions = createViewQuestions(post);
  createLogicRuntime({
    channel: { post, onMessage: (received) => (listener = received) },
    config: { pages: ['pages/index/index'], tabBarPages: [] },
    baseMy: createMy(createMemoryTransportPair().client, { feedback: questions.feedback }),
    questions,
    modules: onePageModules('pages/index/index', (my) => ({ onLoad: () => onLoad(my as AnyMy) })),
  }).start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return {
    sent,
    toLogic: (message) => listener?.(message),
    asks: () => sent.filter((message): message is Extract<LogicToView, { t: 'ask' }> => message.t === 'ask'),
  };
}

describe('questions to the view', () => {
  it('feedback and selector queries from page code are answered by the view', async () => {
    const seen: Record<string, unknown> = {};
    const { toLogic, asks: asked } = await startPage((api) => {
      void (api['confirm']?.({ content: 'Go?' }) as Promise<unknown>).then((answer) => (seen['confirm'] = answer));
      const query = api['createSelectorQuery']?.() as Record<string, (selector?: string) => Record<string, (callback?: (result: unknown) => void) => unknown>>;
      query['select']?.('#title')['boundingClientRect']?.((rect) => (seen['rect'] = rect));
      query['selectViewport']?.()['scrollOffset']?.();
      (query as unknown as { exec(callback: (results: unknown) => void): void }).exec((results) => (seen['exec'] = results));
    });
    const asks = asked();
    expect(asks.map((ask) => ask.question)).toEqual([
      { kind: 'feedback', request: { kind: 'confirm', title: '', content: 'Go?', confirmButtonText: '确定', cancelButtonText: '取消' } },
      { kind: 'query', requests: [{ selector: '#title', all: false, field: 'rect' }, { selector: null, all: false, field: 'scroll' }] },
    ]);
    const rect: Json = { x: 0, y: 10, width: 100, height: 20, top: 10, right: 100, bottom: 30, left: 0 };
    const scroll: Json = { id: '', dataset: {}, scrollLeft: 0, scrollTop: 42 };
    toLogic({ t: 'answer', id: asks[1]?.id ?? -1, answer: [rect, scroll] });
    toLogic({ t: 'answer', id: asks[0]?.id ?? -1, answer: { confirm: true } });
    await expect.poll(() => seen['confirm']).toEqual({ confirm: true });
    expect(seen['rect']).toEqual(rect);
    expect(seen['exec']).toEqual([rect, scroll]);
  });
});

describe('my.pageScrollTo', () => {
  it('asks the view to scroll the page on top to a number, else to a selector; anything else fails with 2', async () => {
    const results: unknown[] = [];
    const { asks } = await startPage((api) => {
      results.push(api['canIUse']?.('pageScrollTo'));
      for (const options of [{ scrollTop: 300, duration: 200 }, { selector: '.chatBox' }, { scrollTop: -5, selector: '#ignored' }, {}, { scrollTop: '100' }]) {
        void (api['pageScrollTo']?.({ ...options, success: () => results.push('success'), fail: (failure: unknown) => results.push(failure) }) as Promise<unknown>).catch(() => undefined);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asks().map((ask) => ask.question)).toEqual([
      { kind: 'page-scroll', scrollTop: 300, duration: 200 },
      { kind: 'page-scroll', selector: '.chatBox', duration: 0 },
      { kind: 'page-scroll', scrollTop: 0, duration: 0 },
    ]);
    const refusal = { error: 2, errorMessage: 'pageScrollTo: give scrollTop (a number of px) or selector (a string)' };
    expect(results).toEqual([true, 'success', 'success', 'success', refusal, refusal]);
  });
});
