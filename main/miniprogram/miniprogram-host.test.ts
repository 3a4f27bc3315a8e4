// What both hosts serve for a mini-program project: the view page at the entry, the glue script, the
// view bundle and the logic modules; anything else is left to the host (undefined).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VIEW_PAGE_ROOT_ID, VIEW_PAGE_SCRIPT_PATH } from '../../shared/miniprogram/view-page';
import { createMiniProgramHost } from './miniprogram-host';

const FIXTURE = join(import.meta.dirname, '../../e2e/fixtures/miniprogram-project');
const scratch: string[] = [];
afterEach(async () => {
  await Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function builtFiles(): Promise<{ logicWorkerFile: string; viewPageFile: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mp-host-'));
  scratch.push(dir);
  await writeFile(join(dir, 'logic-worker.js'), '/* worker */');
  await writeFile(join(dir, 'view-page.js'), '/* view page */');
  return { logicWorkerFile: join(dir, 'logic-worker.js'), viewPageFile: join(dir, 'view-page.js') };
}

describe('mini-program host answers', () => {
  it('serves the view page at / and /index.html, loading the glue script into the root element', async () => {
    const host = createMiniProgramHost({ folder: FIXTURE, ...(await builtFiles()) });
    for (const path of ['/', '/index.html?x=1']) {
      const page = await host.answer(path);
      expect(page).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
      expect(String(page?.body)).toContain(`<script src="${VIEW_PAGE_SCRIPT_PATH}" defer></script>`);
      expect(String(page?.body)).toContain(`id="${VIEW_PAGE_ROOT_ID}"`);
    }
  });

  it('preloads the manifest and what the home page needs, not the other pages', async () => {
    const host = createMiniProgramHost({ folder: FIXTURE, ...(await builtFiles()) });
    const html = String((await host.answer('/'))?.body);
    const preloads = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="(script|style)">/g)].map(([, href, as]) => `${as} ${href}`);
    expect(preloads.slice(0, 4)).toEqual(['script /__mp/manifest.js', 'style /__mp/style/app.acss.css', 'style /__mp/style/components/counter-card/index.acss.css', 'style /__mp/style/pages/index/index.acss.css']);
    expect(preloads.slice(4).sort()).toEqual(
      ['/__mp/sjs/utils/format.sjs.js', '/__mp/view/components/counter-card/index.axml.js', '/__mp/view/pages/index/index.axml.js', '/__mp/view/templates/footer.axml.js', '/__mp/view/templates/item.axml.js'].map((url) => `script ${url}`),
    );
    expect(html.indexOf('rel="preload"')).toBeLessThan(html.indexOf(VIEW_PAGE_SCRIPT_PATH));
  });

  it('serves the glue, the logic runtime, logic modules and the view bundle', async () => {
    const host = createMiniProgramHost({ folder: FIXTURE, ...(await builtFiles()) });
    expect(String((await host.answer(VIEW_PAGE_SCRIPT_PATH))?.body)).toBe('/* view page */');
    expect(String((await host.answer('/__mp/logic-worker.js'))?.body)).toBe('/* worker */');
    expect(String((await host.answer('/__mp/logic/pages/index/index.js'))?.body)).toContain('boom from the index page');
    expect(String((await host.answer('/__mp/manifest.js'))?.body)).toContain('pages/walls/walls');
    expect((await host.answer('/__mp/view/nowhere.axml.js'))?.status).toBe(404);
  });

  it('leaves other paths to the host and says when the glue is not built', async () => {
    const host = createMiniProgramHost({ folder: FIXTURE, logicWorkerFile: '/nonexistent/w.js', viewPageFile: '/nonexistent/v.js' });
    expect(await host.answer('/app.json')).toBeUndefined();
    expect(await host.answer(VIEW_PAGE_SCRIPT_PATH)).toMatchObject({ status: 503 });
    expect(host.root).toBe(FIXTURE);
  });
});
