// What both hosts serve for a mini-program project (docs/miniprogram-runtime.md "Host integration"): the
// generated view page at the entry, its glue script, the view bundle and the logic modules. A host sends
// the answer under its mini-app CSP and sandbox; `undefined` means "not ours" (the host then serves the
// project's raw files, e.g. app.json for the socket settings, as it does for an HTML mini-app).
import { readFile } from 'node:fs/promises';
import { MINIPROGRAM_URL_PREFIX, VIEW_PAGE_SCRIPT_PATH } from '../../shared/miniprogram/view-page';
import { MiniProgramProject } from './project';
import { serveBundle, type BundleResponse } from './serve-bundle';
import { serveLogic } from './serve-logic';
import { viewPageHtml } from './view-page-html';

export interface MiniProgramHostOptions {
  /** The `--miniapp` folder (mini.project.json may name a subfolder as the project root). */
  folder: string;
  /** The built logic Worker runtime (out/miniprogram/logic-worker.js). */
  logicWorkerFile: string;
  /** The built view page glue (out/miniprogram/view-page.js). */
  viewPageFile: string;
}

export interface MiniProgramHost {
  /** The project root (the folder, or mini.project.json's miniprogramRoot inside it). */
  readonly root: string;
  /** The answer for a request path (and query), or undefined when it is not the runtime's. */
  answer(pathAndQuery: string): Promise<BundleResponse | undefined>;
}

const HTML = 'text/html; charset=utf-8';

export function createMiniProgramHost(options: MiniProgramHostOptions): MiniProgramHost {
  const project = new MiniProgramProject(options.folder);
  const root = project.files.root;
  return {
    root,
    async answer(pathAndQuery) {
      const path = pathAndQuery.split('?')[0] ?? '';
      if (path === '/' || path === '/index.html') return { status: 200, contentType: HTML, body: viewPageHtml(project.manifest()) };
      if (!path.startsWith(MINIPROGRAM_URL_PREFIX)) return undefined;
      if (path === VIEW_PAGE_SCRIPT_PATH) {
        const body = await readFile(options.viewPageFile).catch(() => undefined);
        if (body === undefined) return { status: 503, contentType: 'text/plain; charset=utf-8', body: 'The view page is not built yet: run `npm run build`.' };
        return { status: 200, contentType: 'text/javascript; charset=utf-8', body };
      }
      return (await serveLogic(root, options.logicWorkerFile, pathAndQuery)) ?? serveBundle(project, pathAndQuery);
    },
  };
}
