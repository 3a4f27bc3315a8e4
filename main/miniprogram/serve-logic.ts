// The logic half over HTTP, host-agnostic like the view's bundle server: a host passes the URL path of a
// request on the mini-app origin and sends back what this returns (undefined: not a logic URL).
import { readFile } from 'node:fs/promises';
import { LOGIC_MODULE_PREFIX, LOGIC_WORKER_PATH } from '../../shared/miniprogram/logic-urls';
import { serveLogicModule, type LogicModuleResponse } from './compile-js';

/** Answers `/__mp/logic-worker.js` (the built runtime, out/miniprogram/logic-worker.js) and `/__mp/logic/…`. */
export async function serveLogic(projectDir: string, workerFile: string, urlPath: string): Promise<LogicModuleResponse | undefined> {
  const path = urlPath.split('?')[0] ?? '';
  if (path === LOGIC_WORKER_PATH) {
    const body = await readFile(workerFile, 'utf8').catch(() => undefined);
    if (body === undefined) return { status: 503, contentType: 'text/plain; charset=utf-8', body: 'The logic worker is not built yet: run `npm run build`.' };
    return { status: 200, contentType: 'text/javascript; charset=utf-8', body };
  }
  return path.startsWith(LOGIC_MODULE_PREFIX) ? serveLogicModule(projectDir, urlPath) : undefined;
}
