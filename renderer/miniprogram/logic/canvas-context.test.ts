// my.createCanvasContext in the logic (docs/miniprogram-runtime.md#canvas): calls are recorded as the shared
// table allows, draw() sends them as one `canvas` question, its callback runs after the view's answer; exports
// are `canvas-export` questions; wrong arguments and unknown canvases give warnings, never a throw into page code.
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../shared/json';
import { createMemoryTransportPair } from '../../../shared/my/memory-transport';
import { createMy } from '../../../shared/my/create-my';
import type { CanvasDrawQuestion, CanvasExportQuestion, LogicToView, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { createLogicRuntime } from './runtime';
import { createViewQuestions } from './view-questions';
import { onePageModules } from './test-support/logic-harness';

type Context = Record<string, (...args: unknown[]) => unknown>;

/** Runs a page whose onLoad gets `my`; returns the canvas questions sent, a way to answer them and the warnings. */
async function runPage(onLoad: (my: Record<string, (...args: unknown[]) => unknown>, log: unknown[]) => void) {
  const sent: LogicToView[] = [];
  const warnings: string[] = [];
  const log: unknown[] = [];
  let toLogic: ((message: ViewToLogic) => void) | undefined;
  const post = (message: LogicToView): void => void sent.push(message);
  const questions = createViewQuestions(post);
  createLogicRuntime({
    channel: { post, onMessage: (listener) => (toLogic = listener) },
    config: { pages: ['pages/chart/chart'], tabBarPages: [] },
    baseMy: createMy(createMemoryTransportPair().client, { feedback: questions.feedback }),
    questions,
    warn: (message) => warnings.push(message),
    modules: onePageModules('pages/chart/chart', (my) => ({ onLoad: () => onLoad(my as Record<string, (...args: unknown[]) => unknown>, log) })),
  }).start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const asks = sent.flatMap((message) =>
    message.t === 'ask' && (message.question.kind === 'canvas' || message.question.kind === 'canvas-export') ? [{ id: message.id, question: message.question as CanvasDrawQuestion | CanvasExportQuestion }] : [],
  );
  const answer = (index: number, value: Json): void => toLogic?.({ t: 'answer', id: asks[index]?.id ?? -1, answer: value });
  return { asks: asks.map((ask) => ask.question), answer, warnings, log };
}

describe('my.createCanvasContext', () => {
  it('records the documented calls and property writes, sends them on draw() as one question, then runs the callback', async () => {
    const { asks, answer, log, warnings } = await runPage((my, seen) => {
      const ctx = my['createCanvasContext']?.('ring') as Context;
      ctx['setStrokeStyle']?.('#eeeeee');
      ctx['setLineWidth']?.(6);
      ctx['arc']?.(50, 50, 40, 0, 2 * Math.PI);
      ctx['stroke']?.();
      const state = ctx as unknown as Record<string, unknown>;
      state['font'] = '12px Helvetica';
      ctx['setFontSize']?.('14');
      seen.push(state['font'], state['lineWidth'], (ctx['measureText']?.('42%') as { width: number }).width > 0);
      const gradient = ctx['createLinearGradient']?.(0, 0, 100, 0) as Context;
      ctx['setFillStyle']?.(gradient);
      // A stop added after setFillStyle still counts: the batch is copied on draw().
      gradient['addColorStop']?.(0, 'red');
      gradient['addColorStop']?.(1, 'blue');
      ctx['fillText']?.(42, 30, 55);
      ctx['drawImage']?.('../../images/dot.png', 0, 0);
      ctx['draw']?.(true, () => seen.push('drawn'));
      seen.push(state['font']);
    });
    expect(warnings).toEqual([]);
    expect(log).toEqual(['14px Helvetica', 6, true, '10px sans-serif']);
    expect(asks).toEqual([
      {
        kind: 'canvas', canvasId: 'ring', reserve: true,
        calls: [
          { method: 'setStrokeStyle', args: ['#eeeeee'] },
          { method: 'setLineWidth', args: [6] },
          { method: 'arc', args: [50, 50, 40, 0, 2 * Math.PI] },
          { method: 'stroke', args: [] },
          { method: 'setFont', args: ['12px Helvetica'] },
          { method: 'setFontSize', args: [14] },
          { method: 'setFillStyle', args: [{ kind: 'linear', coords: [0, 0, 100, 0], stops: [[0, 'red'], [1, 'blue']] }] },
          { method: 'fillText', args: ['42', 30, 55] },
          { method: 'drawImage', args: ['/images/dot.png', 0, 0] },
        ],
      } satisfies CanvasDrawQuestion,
    ]);
    answer(0, { drawn: true, warnings: [] });
    await expect.poll(() => log.at(-1)).toBe('drawn');
  });

  it('a wrong argument is a warning and the call is left out; the next calls still draw', async () => {
    const { asks, warnings } = await runPage((my) => {
      const ctx = my['createCanvasContext']?.('c') as Context;
      ctx['fillRect']?.(0, 0, 'wide', 10);
      ctx['arc']?.(1, 2);
      ctx['setLineCap']?.('pointy');
      ctx['setFillStyle']?.({ not: 'a gradient' });
      ctx['drawImage']?.('/a.png', 1, 2, 3);
      ctx['fillRect']?.(0, 0, 10, 10);
      ctx['draw']?.();
    });
    expect(warnings).toEqual([
      'CanvasContext.fillRect (canvas "c"): argument 3: "wide" is not a finite number; the call is ignored',
      'CanvasContext.arc (canvas "c"): needs 5 arguments, got 2; the call is ignored',
      'CanvasContext.setLineCap (canvas "c"): argument 1: "pointy" is not one of butt, round, square; the call is ignored',
      'CanvasContext.setFillStyle (canvas "c"): argument 1: {"not":"a gradient"} is neither a colour nor a gradient made by this context; the call is ignored',
      'CanvasContext.drawImage (canvas "c"): takes 3, 5 or 9 arguments, got 4; the call is ignored',
    ]);
    expect(asks.map((ask) => (ask.kind === 'canvas' ? [ask.reserve, ask.calls] : ask))).toEqual([[false, [{ method: 'fillRect', args: [0, 0, 10, 10] }]]]);
  });

  it('toTempFilePath, toDataURL and my.canvasToTempFilePath ask the view for the area and hand back its data: URL; wrong options fail with 2', async () => {
    const { asks, answer, warnings, log } = await runPage((my, seen) => {
      const ctx = my['createCanvasContext']?.('chart') as Context;
      void ctx['toTempFilePath']?.({ x: 10, width: '40', destWidth: 80, fileType: 'JPG', quality: 7, success: (result: unknown) => seen.push(result) });
      void (ctx['toDataURL']?.({}) as Promise<unknown>).then((url) => seen.push(url));
      void (my['canvasToTempFilePath']?.({ canvasId: 'chart', height: -1, fail: (result: unknown) => seen.push(result) }) as Promise<unknown>).catch(() => undefined);
      void (my['canvasToTempFilePath']?.({ complete: (result: unknown) => seen.push(result) }) as Promise<unknown>).catch(() => undefined);
    });
    expect(asks).toEqual([
      { kind: 'canvas-export', canvasId: 'chart', area: { x: 10, width: 40, destWidth: 80, fileType: 'jpg', quality: 1 } },
      { kind: 'canvas-export', canvasId: 'chart', area: { fileType: 'png', quality: 1 } },
    ]);
    answer(0, { dataUrl: 'data:image/jpeg;base64,AAAA' });
    answer(1, { dataUrl: 'data:image/png;base64,BBBB' });
    await expect.poll(() => log.length).toBe(4);
    expect(log).toEqual([
      { error: 2, errorMessage: 'my.canvasToTempFilePath: height: -1 is out of range' },
      { error: 2, errorMessage: 'my.canvasToTempFilePath: needs canvasId, the id of a <canvas> (a type="2d" canvas object is not emulated)' },
      { apFilePath: 'data:image/jpeg;base64,AAAA' },
      'data:image/png;base64,BBBB',
    ]);
    expect(warnings).toEqual(['my.canvasToTempFilePath: height: -1 is out of range', 'my.canvasToTempFilePath: needs canvasId, the id of a <canvas> (a type="2d" canvas object is not emulated)']);
  });

  it('an unknown canvas (the view answers an error) is a warning and the callback does not run; a missing id warns at once', async () => {
    const { answer, warnings, log } = await runPage((my, seen) => {
      const ctx = my['createCanvasContext']?.('nowhere') as Context;
      ctx['draw']?.(false, () => seen.push('drawn'));
      (my['createCanvasContext']?.(undefined) as Context)['draw']?.();
      (my['createCanvasContext']?.('c') as Context)['getImageData']?.({ fail: (result: unknown) => seen.push(result) });
    });
    answer(0, { error: 'no <canvas id="nowhere"> appeared on the page within 3000 ms; nothing was drawn' });
    answer(1, { drawn: true, warnings: ['drawImage: /x.png could not be loaded; skipped'] });
    await expect.poll(() => warnings.length).toBe(4);
    expect(warnings).toEqual([
      'my.createCanvasContext needs the id of a <canvas> (a string), got undefined; draw() will find no canvas',
      'CanvasContext.getImageData is not available in the preview (the drawing happens in the view, apart from the page logic)',
      'CanvasContext.draw: no <canvas id="nowhere"> appeared on the page within 3000 ms; nothing was drawn',
      'CanvasContext.draw (canvas ""): drawImage: /x.png could not be loaded; skipped',
    ]);
    expect(log).toEqual([{ error: 1, errorMessage: 'CanvasContext.getImageData is not available in the preview (the drawing happens in the view, apart from the page logic)' }]);
  });
});
