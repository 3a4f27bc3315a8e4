// The browser host's way to the mini-app's app.json: fetched through the same source as the pages (a
// folder or a dev server), so both kinds of `--miniapp` behave alike (main/host-common/miniapp-app-json.ts).
import { loadAppJson } from '../core/app-json-loader';
import type { WarningSink } from '../core/engine-warning';
import type { AppJsonRead } from '../../shared/app-json';
import { appJsonPathFor, appJsonTextOf } from '../host-common/miniapp-app-json';
import type { MiniappSource } from './miniapp-source';

/** Reads and parses the source's app.json once (a warning in `capture` when it is unusable). */
export function readMiniappAppJson(source: MiniappSource, capture: WarningSink): Promise<AppJsonRead> {
  const path = appJsonPathFor(source.entryPath);
  return loadAppJson(
    async () => {
      const answer = await source.get(path);
      return appJsonTextOf(answer, async () => answer.body.toString('utf8'), path);
    },
    path,
    capture,
  );
}
