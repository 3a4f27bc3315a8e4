// The Electron host's way to the mini-app's app.json: next to index.html in a `--miniapp` folder (or the
// demo's), or next to the entry page of a `--miniapp` URL. Where it is and how an answer reads are shared
// with the browser host (main/host-common/miniapp-app-json.ts); parsing and the warning too
// (main/core/app-json-loader.ts).
import { join } from 'node:path';
import type { AppJsonRead } from '../../shared/app-json';
import { loadAppJson } from '../core/app-json-loader';
import type { WarningSink } from '../core/engine-warning';
import { appJsonPathFor, appJsonTextOf, readFolderAppJson } from '../host-common/miniapp-app-json';
import type { MiniappLocation } from './miniapp-location';

/** How long a dev server may take to answer for app.json before the defaults apply. */
const FETCH_TIMEOUT_MS = 15_000;

/** Reads and parses the location's app.json once (a warning in `capture` when it is unusable). */
export function readLocationAppJson(location: MiniappLocation, capture: WarningSink): Promise<AppJsonRead> {
  if (location.kind !== 'url') return loadAppJson(() => readFolderAppJson(location.root), join(location.root, 'app.json'), capture);
  const entry = new URL(location.entryUrl);
  const url = new URL(appJsonPathFor(entry.pathname), entry.origin);
  return loadAppJson(() => fetchAppJson(url), url.href, capture);
}

async function fetchAppJson(url: URL): Promise<string | undefined> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  return appJsonTextOf({ status: response.status, contentType: response.headers.get('content-type') }, () => response.text(), url.href);
}
