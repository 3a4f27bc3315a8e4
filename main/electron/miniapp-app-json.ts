// The Electron host's way to the mini-app's app.json: next to index.html in a `--miniapp` folder (or the
// demo's), or next to the entry page of a `--miniapp` URL. Parsing and the warning are shared with the
// browser host (main/core/app-json-loader.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppJsonRead } from '../../shared/app-json';
import { isHtmlType } from '../host-common/content-types';
import { loadAppJson } from '../core/app-json-loader';
import type { WarningSink } from '../core/engine-warning';
import type { MiniappLocation } from './miniapp-location';

/** How long a dev server may take to answer for app.json before the defaults apply. */
const FETCH_TIMEOUT_MS = 15_000;

/** Reads and parses the location's app.json once (a warning in `capture` when it is unusable). */
export function readLocationAppJson(location: MiniappLocation, capture: WarningSink): Promise<AppJsonRead> {
  if (location.kind === 'folder') {
    const file = join(location.root, 'app.json');
    return loadAppJson(() => readFile(file, 'utf8').catch(absentWhenMissing), file, capture);
  }
  const url = new URL('app.json', location.entryUrl);
  url.search = '';
  return loadAppJson(() => fetchAppJson(url), url.href, capture);
}

function absentWhenMissing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}

async function fetchAppJson(url: URL): Promise<string | undefined> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  // A dev server's fallback page for unknown paths is not an app.json.
  if (response.status === 404 || isHtmlType(response.headers.get('content-type'))) return undefined;
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.href}`);
  return response.text();
}
