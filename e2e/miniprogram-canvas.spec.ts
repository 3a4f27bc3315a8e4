// <canvas> and my.createCanvasContext end to end (docs/miniprogram-runtime.md#canvas), on the small project
// e2e/fixtures/miniprogram-canvas: a component draws a progress ring with its text in didMount (as public
// projects do), the page draws in onLoad before its first render on a canvas whose attributes are twice its CSS
// size, and also draws on a canvas that does not exist (a warning; the page goes on); a tap draws a gradient and
// a project image, the draw callback's setData shows, and my.canvasToTempFilePath's image shows in an <image>.
import { fileURLToPath } from 'node:url';
import type { Frame } from '@playwright/test';
import { expect, test } from './harness/fixtures';

const PROJECT = fileURLToPath(new URL('./fixtures/miniprogram-canvas', import.meta.url));

/** RGBA of the backing pixel under CSS point (x, y) of the canvas, and how many pixels of a CSS box are painted. */
function probe(frame: Frame, canvasId: string, x: number, y: number, box = 0): Promise<{ rgba: number[]; painted: number }> {
  return frame.evaluate(({ canvasId, x, y, box }) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`canvas[mp-canvas-id="${canvasId}"]`);
    const context = canvas?.getContext('2d');
    if (!canvas || !context || canvas.width === 0) return { rgba: [], painted: 0 };
    const scale = canvas.width / canvas.clientWidth;
    const rgba = [...context.getImageData(Math.floor(x * scale), Math.floor(y * scale), 1, 1).data];
    if (box === 0) return { rgba, painted: 0 };
    const data = context.getImageData(Math.floor((x - box) * scale), Math.floor((y - box) * scale), Math.ceil(2 * box * scale), Math.ceil(2 * box * scale)).data;
    let painted = 0;
    for (let index = 3; index < data.length; index += 4) if ((data[index] ?? 0) > 128) painted += 1;
    return { rgba, painted };
  }, { canvasId, x, y, box });
}

test('canvas: a ring drawn in didMount, an early draw in onLoad, a tap drawing a gradient and an image', async ({ hostFolder }) => {
  await hostFolder.run(['--miniapp', PROJECT], async (driver) => {
    const frame = await driver.miniapp();
    // The ring (arc from 12 o'clock, 75 % clockwise, #1677ff over a #e0e0e0 track): its right point is blue, its
    // upper-left quarter grey; the text "75%" paints its middle.
    await expect.poll(async () => (await probe(frame, 'ring-canvas', 110, 60)).rgba).toEqual([22, 119, 255, 255]);
    expect((await probe(frame, 'ring-canvas', 60 - 35.36, 60 - 35.36)).rgba).toEqual([224, 224, 224, 255]);
    expect((await probe(frame, 'ring-canvas', 60, 60, 14)).painted).toBeGreaterThan(60);
    expect((await probe(frame, 'ring-canvas', 60, 60, 14)).painted).toBeLessThan(700);

    // hd: width="200" height="100", CSS 100 × 50; fillRect(0, 0, 100, 100) covers its left half.
    await expect.poll(async () => (await probe(frame, 'hd', 25, 25)).rgba).toEqual([255, 0, 0, 255]);
    expect((await probe(frame, 'hd', 75, 25)).rgba).toEqual([0, 0, 0, 0]);

    await frame.getByRole('button', { name: 'Redraw', exact: true }).click();
    await expect(frame.locator('#status')).toHaveText(/^drawn 1 · /);
    // measureText in the logic Worker (its OffscreenCanvas) gives what the view's own canvas measures.
    const measured = await frame.evaluate(() => {
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return 0;
      context.font = '24px sans-serif';
      return context.measureText('75%').width;
    });
    await expect(frame.locator('#status')).toHaveText(`drawn 1 · 75% is ${measured} px wide at 24px`);
    expect((await probe(frame, 'spot', 15, 15)).rgba).toEqual([0, 200, 0, 255]);
    const [start, end] = [(await probe(frame, 'spot', 41, 30)).rgba, (await probe(frame, 'spot', 139, 30)).rgba];
    // Near the start of the gradient (#ffcc00 → #00aa55 from x 40 to 140): yellow; near its end: green.
    expect(start[0]).toBeGreaterThan(245);
    expect(start[1]).toBeGreaterThan(195);
    expect(end[0]).toBeLessThan(10);
    expect(end[1]).toBeGreaterThan(160);
    // my.canvasToTempFilePath in the draw callback: the dot's 30 × 30 corner at 60 × 60, shown by an <image>.
    const exported = frame.locator('#exported');
    await expect(exported).toHaveAttribute('src', /^data:image\/png;base64,/);
    expect(await exported.evaluate(async (image: HTMLImageElement) => {
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    })).toEqual([60, 60]);
    await driver.screenshot('miniprogram-canvas');

    // Again: draw(false) clears first, the callback runs once per draw.
    await frame.getByRole('button', { name: 'Redraw', exact: true }).click();
    await expect(frame.locator('#status')).toHaveText(/^drawn 2 · /);
    expect((await probe(frame, 'spot', 15, 15)).rgba).toEqual([0, 200, 0, 255]);
    // The draw on the missing canvas changed nothing on screen and left no problem in the phone.
    await expect(frame.locator('.mp-problem')).toHaveCount(0);
  });
});
