// The browser host's way to the mini-app's app.json: the file next to its entry page, fetched through the
// same source as the pages (a folder or a dev server), so both kinds of `--miniapp` behave alike.
import { loadAppJson } from '../core/app-json-loader';
import type { WarningSink } from '../core/engine-warning';
import type { AppJsonRead } from '../../shared/app-json';
import { isHtmlType } from '../host-common/content-types';
import type { MiniappSource } from './miniapp-source';

/** `/app.json` for `/`, `/app/app.json` for `/app/index.html?x=1`. */
export function appJsonPathFor(entryPath: string): string {
  const pathname = entryPath.split('?')[0] ?? '/';
  return `${pathname.slice(0, pathname.lastIndexOf('/') + 1)}app.json`;
}

/** Reads and parses the source's app.json once (a warning in `capture` when it is unusable). */
export function readMiniappAppJson(source: MiniappSource, capture: WarningSink): Promise<AppJsonRead> {
  const path = appJsonPathFor(source.entryPath);
  return loadAppJson(
    async () => {
      const answer = await source.get(path);
      // A dev server's fallback page for unknown paths is not an app.json.
      if (answer.status === 404 || isHtmlType(answer.contentType)) return undefined;
      if (answer.status !== 200) throw new Error(`HTTP ${answer.status} for ${path}`);
      return answer.body.toString('utf8');
    },
    path,
    capture,
  );
}
