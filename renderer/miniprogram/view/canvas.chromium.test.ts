// CanvasContext.draw batches replayed by the view in real Chromium (docs/miniprogram-runtime.md#canvas), on the
// fixture e2e/fixtures/miniprogram-canvas served by serveBundle under the mini-app CSP, at device pixel ratio 2:
// the backing store is the CSS size × 2 and pixels at known points have the drawn colours; reserve=false clears,
// reserve=true keeps; a draw sent before the page rendered waits for its canvas; bad calls are skipped with
// warnings; an unknown id is an error answer; an area exports as a data: URL; a resized canvas, or one drawn
// while hidden (also when shown again before the next frame), redraws what it holds.
// Skipped where /usr/bin/chromium is absent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../../shared/json';
import type { CanvasCall } from '../../../shared/miniprogram/canvas-calls';
import { CHROMIUM, sendToView as send, sentByView as sent, startChromiumView, type ChromiumView } from '../../../main/browser-host/test-support/chromium-view';

const here = fileURLToPath(new URL('.', import.meta.url));
const FIXTURE = join(here, '../../../e2e/fixtures/miniprogram-canvas');

let view: ChromiumView | undefined;
let lastAsk = 0;

/** Sends one canvas question as the logic would and waits for the view's answer. */
async function draw(page: Page, canvasId: string, calls: unknown[], reserve = false): Promise<Json> {
  lastAsk += 1;
  const id = lastAsk;
  await send(page, { t: 'ask', id, question: { kind: 'canvas', canvasId, reserve, calls: calls as CanvasCall[] } });
  await expect.poll(async () => (await sent(page)).some((message) => message.t === 'answer' && message.id === id)).toBe(true);
  const answer = (await sent(page)).find((message) => message.t === 'answer' && message.id === id);
  return answer?.t === 'answer' ? answer.answer : null;
}

/** RGBA of the backing pixel under CSS point (x, y) of the canvas. */
function pixel(page: Page, canvasId: string, x: number, y: number): Promise<number[]> {
  return page.evaluate(({ canvasId, x, y }) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`canvas[mp-canvas-id="${canvasId}"]`);
    if (canvas === null) return [];
    const scale = canvas.width / canvas.clientWidth;
    return [...(canvas.getContext('2d')?.getImageData(Math.floor(x * scale), Math.floor(y * scale), 1, 1).data ?? [])];
  }, { canvasId, x, y });
}

async function openPage(): Promise<Page> {
  if (view === undefined) throw new Error('no browser');
  const page = await view.browser.newPage({ viewport: { width: 800, height: 800 }, deviceScaleFactor: 2 });
  await page.goto(`${view.base}/page.html`);
  await page.waitForFunction(() => (globalThis as Record<string, unknown>).__mpTest !== undefined);
  return page;
}

async function showRingPage(page: Page): Promise<void> {
  await send(page, { t: 'init', instanceId: 1, data: { status: 'waiting', draws: 0 } });
  await send(page, { t: 'stack', pages: [{ pageId: 1, route: 'pages/ring/ring', query: {} }] });
  await page.waitForSelector('canvas[mp-canvas-id="ring-canvas"]');
}

const RED = [255, 0, 0, 255];
const BLUE = [0, 0, 255, 255];
const CLEAR = [0, 0, 0, 0];

describe.skipIf(!existsSync(CHROMIUM))('canvas replay in Chromium', () => {
  beforeAll(async () => {
    view = await startChromiumView(FIXTURE, join(here, 'test-support', 'chromium-page-entry.ts'));
  }, 60_000);

  afterAll(async () => {
    await view?.close();
  });

  it('draws in the canvas\'s coordinates on a backing store of CSS size × devicePixelRatio; the default state returns each draw', async () => {
    const page = await openPage();
    await showRingPage(page);
    const answer = await draw(page, 'ring-canvas', [
      { method: 'setFillStyle', args: ['#ff0000'] },
      { method: 'fillRect', args: [10, 10, 40, 40] },
      { method: 'setLineWidth', args: [4] },
      { method: 'setStrokeStyle', args: ['#0000ff'] },
      { method: 'arc', args: [60, 60, 50, 0, Math.PI] },
      { method: 'stroke', args: [] },
    ]);
    expect(answer).toEqual({ drawn: true, warnings: [] });
    // ACSS sizes the canvas 120 × 120 CSS px (no width/height attributes: those are its coordinates), backed by 240 × 240.
    expect(await page.evaluate(() => { const c = document.querySelector('canvas')!; return [c.clientWidth, c.clientHeight, c.width, c.height]; })).toEqual([120, 120, 240, 240]);
    expect(await pixel(page, 'ring-canvas', 30, 30)).toEqual(RED);
    expect(await pixel(page, 'ring-canvas', 55, 30)).toEqual(CLEAR);
    // The arc's bottom point (60, 110), 4 px wide: blue; its unstroked top half stays clear.
    expect(await pixel(page, 'ring-canvas', 60, 110)).toEqual(BLUE);
    expect(await pixel(page, 'ring-canvas', 60, 10)).toEqual(CLEAR);
    // A new draw starts from the default state (black fill), and reserve keeps the earlier pixels.
    await draw(page, 'ring-canvas', [{ method: 'fillRect', args: [70, 10, 20, 20] }], true);
    expect(await pixel(page, 'ring-canvas', 80, 20)).toEqual([0, 0, 0, 255]);
    expect(await pixel(page, 'ring-canvas', 30, 30)).toEqual(RED);
    // reserve=false clears first.
    await draw(page, 'ring-canvas', [{ method: 'setFillStyle', args: ['#0000ff'] }, { method: 'fillRect', args: [0, 100, 10, 10] }]);
    expect(await pixel(page, 'ring-canvas', 30, 30)).toEqual(CLEAR);
    expect(await pixel(page, 'ring-canvas', 5, 105)).toEqual(BLUE);
    await page.close();
  });

  it('width/height attributes are the coordinate space; gradients, transforms, unbalanced save/restore and project images', async () => {
    const page = await openPage();
    await showRingPage(page);
    // hd: width="200" height="100" shown at 100 × 50 CSS px: x 100 of 200 is CSS x 50.
    await draw(page, 'hd', [{ method: 'setFillStyle', args: ['#ff0000'] }, { method: 'fillRect', args: [0, 0, 100, 100] }, { method: 'save', args: [] }, { method: 'translate', args: [150, 0] }]);
    expect(await pixel(page, 'hd', 25, 25)).toEqual(RED);
    expect(await pixel(page, 'hd', 75, 25)).toEqual(CLEAR);
    const spot = [
      { method: 'setFillStyle', args: [{ kind: 'linear', coords: [40, 0, 140, 0], stops: [[0, '#ff0000'], [1, '#0000ff']] }] },
      { method: 'fillRect', args: [40, 0, 100, 60] },
      { method: 'drawImage', args: ['/images/dot.png', 0, 0, 30, 30] },
      { method: 'restore', args: [] },
      { method: 'restore', args: [] },
      { method: 'translate', args: [0, 40] },
      { method: 'fillRect', args: [0, 0, 10, 10] },
    ];
    expect(await draw(page, 'spot', spot)).toEqual({ drawn: true, warnings: [] });
    const [left, right] = [await pixel(page, 'spot', 42, 30), await pixel(page, 'spot', 138, 30)];
    expect(left[0]).toBeGreaterThan(230);
    expect(right[2]).toBeGreaterThan(230);
    expect(await pixel(page, 'spot', 15, 15)).toEqual([0, 200, 0, 255]);
    // The extra restores were ignored (the replay's own base transform and the gradient stayed, red before x 40):
    // the translated square is at y 40–50.
    expect(await pixel(page, 'spot', 5, 45)).toEqual(RED);
    expect(await pixel(page, 'spot', 5, 35)).toEqual(CLEAR);
    await page.close();
  });

  it('a draw sent before the page rendered waits for its canvas; bad calls are skipped with warnings; an unknown id is an error', async () => {
    const page = await openPage();
    lastAsk += 1;
    const early = lastAsk;
    await send(page, { t: 'ask', id: early, question: { kind: 'canvas', canvasId: 'hd', reserve: false, calls: [{ method: 'setFillStyle', args: ['#0000ff'] }, { method: 'fillRect', args: [0, 0, 200, 100] }] } });
    await showRingPage(page);
    await expect.poll(async () => (await sent(page)).find((message) => message.t === 'answer' && message.id === early)).toMatchObject({ answer: { drawn: true } });
    expect(await pixel(page, 'hd', 90, 40)).toEqual(BLUE);

    const bad = await draw(page, 'hd', [
      { method: 'eval', args: ['x'] },
      { method: 'fillRect', args: [0, 0, 'wide', 10] },
      { method: 'setFillStyle', args: ['#ff0000'] },
      { method: 'drawImage', args: ['https://cdn.example/a.png', 0, 0] },
      { method: 'fillRect', args: [0, 0, 20, 20] },
      'garbage',
    ]);
    expect(bad).toEqual({
      drawn: true,
      warnings: [
        'drawImage: https://cdn.example/a.png does not load in the preview (project paths such as /images/a.png, data: and blob: URLs do); skipped',
        'eval: "eval" is not a CanvasContext method; skipped',
        'fillRect: argument 3: "wide" is not a finite number; skipped',
        'drawImage: the image https://cdn.example/a.png did not load; skipped',
        'a call: undefined is not a CanvasContext method; skipped',
      ],
    });
    expect(await pixel(page, 'hd', 5, 5)).toEqual(RED);
    expect(await draw(page, 'nowhere', [])).toEqual({ error: 'no <canvas id="nowhere"> appeared on the page within 3000 ms; nothing was drawn' });
    // The view still works: a tap reaches the logic.
    await page.click('#redraw');
    expect((await sent(page)).some((message) => message.t === 'event' && message.handler === 'redraw')).toBe(true);
    await page.close();
  });

  it('exports an area (canvas coordinates) at its destination size as a data: URL, after the draws before it; an empty area is an error', async () => {
    const page = await openPage();
    await showRingPage(page);
    lastAsk += 1;
    const drawn = lastAsk;
    await send(page, { t: 'ask', id: drawn, question: { kind: 'canvas', canvasId: 'ring-canvas', reserve: false, calls: [{ method: 'setFillStyle', args: ['#ff0000'] }, { method: 'fillRect', args: [0, 0, 60, 60] }] } });
    lastAsk += 1;
    const exported = lastAsk;
    // Sent at once after the draw: answered after it.
    await send(page, { t: 'ask', id: exported, question: { kind: 'canvas-export', canvasId: 'ring-canvas', area: { x: 0, y: 0, width: 60, height: 120, destWidth: 30, destHeight: 60, fileType: 'png', quality: 1 } } });
    await expect.poll(async () => (await sent(page)).some((message) => message.t === 'answer' && message.id === exported)).toBe(true);
    const answer = (await sent(page)).find((message) => message.t === 'answer' && message.id === exported);
    const dataUrl = answer?.t === 'answer' ? (answer.answer as { dataUrl: string }).dataUrl : '';
    expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const decoded = await page.evaluate(async (url) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return { size: [image.naturalWidth, image.naturalHeight], top: [...context.getImageData(15, 15, 1, 1).data], bottom: [...context.getImageData(15, 45, 1, 1).data] };
    }, dataUrl);
    expect(decoded).toEqual({ size: [30, 60], top: RED, bottom: CLEAR });
    expect(await draw(page, 'ring-canvas', [])).toEqual({ drawn: true, warnings: [] });
    lastAsk += 1;
    const empty = lastAsk;
    await send(page, { t: 'ask', id: empty, question: { kind: 'canvas-export', canvasId: 'ring-canvas', area: { x: 200, fileType: 'png', quality: 1 } } });
    await expect.poll(async () => (await sent(page)).find((message) => message.t === 'answer' && message.id === empty)).toMatchObject({
      answer: { error: 'nothing to export: the area 200, 0, -80 × 120 is empty on a canvas of 120 × 120 (a hidden canvas has no size)' },
    });
    await page.close();
  });

  it('a canvas whose CSS size changes, or that was drawn while hidden, redraws what it holds', async () => {
    const page = await openPage();
    await showRingPage(page);
    await draw(page, 'ring-canvas', [{ method: 'setFillStyle', args: ['#ff0000'] }, { method: 'fillRect', args: [0, 0, 60, 60] }]);
    await page.evaluate(() => {
      document.querySelector<HTMLCanvasElement>('canvas[mp-canvas-id="ring-canvas"]')!.style.cssText = 'width:240px;height:240px';
    });
    await expect.poll(() => page.evaluate(() => document.querySelector('canvas')!.width)).toBe(480);
    // The coordinates follow the CSS size (no attributes): the 60 × 60 square is drawn again, at the same place.
    expect(await pixel(page, 'ring-canvas', 30, 30)).toEqual(RED);
    expect(await pixel(page, 'ring-canvas', 100, 100)).toEqual(CLEAR);
    // A draw while its page is hidden (another page on top: display none) shows when the page shows again.
    await page.evaluate(() => (document.querySelector<HTMLElement>('.mp-page')!.style.display = 'none'));
    expect(await draw(page, 'ring-canvas', [{ method: 'setFillStyle', args: ['#0000ff'] }, { method: 'fillRect', args: [0, 0, 60, 60] }])).toEqual({ drawn: true, warnings: [] });
    await page.evaluate(() => (document.querySelector<HTMLElement>('.mp-page')!.style.display = ''));
    await expect.poll(() => pixel(page, 'ring-canvas', 30, 30)).toEqual(BLUE);
    await page.close();
  });

  it('a draw made while its page is hidden shows even when the page shows again before the next frame', async () => {
    const page = await openPage();
    await showRingPage(page);
    await draw(page, 'ring-canvas', [{ method: 'setFillStyle', args: ['#ff0000'] }, { method: 'fillRect', args: [0, 0, 60, 60] }]);
    // Hide, draw and show in one task: no frame runs in between, so the ResizeObserver never sees the hidden size.
    const answered = await page.evaluate(async (ask) => {
      const test = (globalThis as unknown as { __mpTest: { receive(message: unknown): void; sent: { t: string; id?: number }[] } }).__mpTest;
      const pageElement = document.querySelector<HTMLElement>('.mp-page')!;
      pageElement.style.display = 'none';
      test.receive(ask);
      for (let turn = 0; turn < 1000 && !test.sent.some((message) => message.t === 'answer' && message.id === ask.id); turn += 1) await Promise.resolve();
      pageElement.style.display = '';
      return test.sent.some((message) => message.t === 'answer' && message.id === ask.id);
    }, { t: 'ask', id: (lastAsk += 1), question: { kind: 'canvas', canvasId: 'ring-canvas', reserve: false, calls: [{ method: 'setFillStyle', args: ['#0000ff'] }, { method: 'fillRect', args: [0, 0, 60, 60] }] } });
    expect(answered).toBe(true);
    await expect.poll(() => pixel(page, 'ring-canvas', 30, 30)).toEqual(BLUE);
    await page.close();
  });
});
