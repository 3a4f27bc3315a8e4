// 14. Canvas: a CanvasContext.draw batch replayed by the view's painter (checked against the shared table,
// drawn through the DPR transform, answered) vs the same drawing written by hand with the 2D API, in Chromium.
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import type { BenchContext, Measurement, MeasurementOutput, ResultRow } from '../harness/measurement';
import { summarize } from '../harness/stats';

const RATIO_TARGET = 2;

interface Sides {
  product: number;
  baseline: number;
  calls: number;
}

export const canvasDraw: Measurement = {
  name: 'canvas',
  title: 'Canvas draw',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const bundle = await build({ entryPoints: [join(context.root, 'bench/pages/canvas-page.ts')], bundle: true, write: false, format: 'iife', target: 'chrome120', minify: true });
    const script = bundle.outputFiles[0]?.text ?? '';
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ deviceScaleFactor: 2 });
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ content: script });
      const draws = context.quick ? 50 : 300;
      const rows: ResultRow[] = [];
      for (const [kind, points] of [['ring', 0], ['chart', 200]] as const) {
        const runs: Sides[] = [];
        for (let run = 0; run < Math.max(3, context.runs); run += 1) {
          runs.push((await page.evaluate(`__canvasBench.runBoth(${JSON.stringify(kind)}, ${draws}, ${points})`)) as Sides);
        }
        const product = summarize(runs.map((sides) => sides.product));
        const baseline = summarize(runs.map((sides) => sides.baseline));
        const ratio = summarize(runs.map((sides) => sides.product / Math.max(sides.baseline, 0.001)));
        context.log(`${kind}: ${product.median.toFixed(3)} ms vs ${baseline.median.toFixed(3)} ms by hand per draw`);
        rows.push({
          metric: `draw of a ${kind === 'ring' ? 'progress ring with its text' : `chart of ${points} bars and a line`} (${runs[0]?.calls ?? 0} calls), reserve=false, 300 × 300 CSS px at DPR 2 → pixels readable`,
          unit: 'ms',
          product,
          baseline: { label: 'the same drawing by hand on the 2D context', summary: baseline },
          ratio,
          target: `≤ ${RATIO_TARGET}×`,
          met: ratio.median <= RATIO_TARGET,
        });
      }
      return {
        rows,
        notes: [
          `The page bundles renderer/miniprogram/view/canvas-painter.ts. Product: the painter answering a \`canvas\` question (find the canvas, check every call against the shared table, keep the batch for redraws, clear, replay inside save/restore through the DPR transform); baseline: the same calls written by hand on the 2D context with the same transform and clear. Each run times ${context.quick ? 50 : 300} draws per side, product first, each draw ending with a one-pixel getImageData so the drawing is done inside the timed span; the baseline awaits one promise per draw as the painter does. The message from the logic Worker to the view is not included (bench mpview times a Worker round trip).`,
        ],
      };
    } finally {
      await browser.close();
    }
  },
};
