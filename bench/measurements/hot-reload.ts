// 12. Hot reload (docs/miniprogram-runtime.md "Hot reload"): a generated 50-page project in the browser host
// (in this process, as `--web` starts it), its panel in Chromium; the time from saving an edit of the home
// page's AXML to the reloaded preview showing it, warm (after a first reload), against the same run's
// Reload mini-app button (a reload without an edit: no watcher, no recompile).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright';
import { startWeb } from '../../main/cli/start-web';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { summarize } from '../harness/stats';
import { writeGeneratedProject } from './miniprogram-project-generator';

const PAGES = 50;
const TARGET_MS = 1000;
const WAIT_MS = 20_000;
const HOME_AXML = 'pages/p0/index.axml';

/** The mini-app frame that is not `old` and shows `#mark-<n>`; polled every 5 ms. */
async function reloadedFrame(panel: Page, origin: string, old: Frame | undefined, mark: number): Promise<Frame> {
  const deadline = performance.now() + WAIT_MS;
  for (;;) {
    const frame = panel.frames().find((candidate) => candidate !== old && candidate.url().startsWith(`${origin}/`));
    if (frame && (await frame.locator(`#mark-${mark}`).count().catch(() => 0)) > 0) return frame;
    if (performance.now() > deadline) throw new Error(`the preview did not show #mark-${mark} within ${WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const hotReload: Measurement = {
  name: 'hotreload',
  title: 'Hot reload',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const base = mkdtempSync(join(tmpdir(), 'msd-bench-hot-'));
    const project = join(base, 'project');
    const files = writeGeneratedProject(project, PAGES);
    const homeAxml = join(project, HOME_AXML);
    const writeMark = (mark: number): void => writeFileSync(homeAxml, `<view class="page-0"><text id="mark-${mark}">edit ${mark}</text></view>\n`);
    writeMark(0);
    const web = await startWeb({ miniapp: project, port: 0, sessionsDir: join(base, 'sessions'), prefsFile: join(base, 'prefs.json'), storageDir: join(base, 'storage') }, join(context.root, 'out'));
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const origin = new URL(web.host.miniappUrl).origin;
      const panel = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await panel.goto(web.host.panelUrl);
      await web.host.preview.watching();
      let frame = await reloadedFrame(panel, origin, undefined, 0);
      let mark = 0;
      const edit = async (): Promise<number> => {
        mark += 1;
        const started = performance.now();
        writeMark(mark);
        frame = await reloadedFrame(panel, origin, frame, mark);
        return performance.now() - started;
      };
      const button = async (): Promise<number> => {
        const started = performance.now();
        await panel.getByRole('button', { name: '⟳ Reload mini-app', exact: true }).click();
        frame = await reloadedFrame(panel, origin, frame, mark);
        return performance.now() - started;
      };
      await edit();
      await button();
      const runs = context.quick ? 3 : Math.max(5, context.runs);
      const edits: number[] = [];
      const buttons: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        edits.push(await edit());
        buttons.push(await button());
      }
      const ratio = edits.map((ms, run) => ms / Math.max(buttons[run] ?? 0, 0.001));
      context.log(`edit → reloaded preview ${summarize(edits).median.toFixed(0)} ms, Reload button ${summarize(buttons).median.toFixed(0)} ms`);
      return {
        rows: [
          {
            metric: `edit of a page's AXML → reloaded preview shows it, ${PAGES}-page project (${files} files), warm`,
            unit: 'ms',
            product: summarize(edits),
            baseline: { label: 'Reload mini-app button → the same preview shown (no edit)', summary: summarize(buttons) },
            ratio: summarize(ratio),
            target: `≤ ${TARGET_MS} ms`,
            met: summarize(edits).median <= TARGET_MS,
          },
        ],
        notes: [
          `Hot reload: startWeb in this process on a generated ${PAGES}-page project (the mpview generator), the panel in headless Chromium. Each edit rewrites pages/p0/index.axml (the home page) with a new marker; the time runs from the write to a new mini-app frame showing the marker (polled every 5 ms), so it holds the watcher's settle time (80 ms quiet + chokidar's 30 ms write check), the recompile of the changed file (the manifest; other files come from the mtime cache), the panel's reload, the view page, the logic Worker and the first render. The baseline is the Reload mini-app button on the same project, timed to the same marker: the reload alone. One edit and one button reload first warm both paths.`,
        ],
      };
    } finally {
      await browser.close();
      await web.stop();
      rmSync(base, { recursive: true, force: true });
    }
  },
};
