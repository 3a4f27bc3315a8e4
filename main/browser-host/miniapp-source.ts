// Where the mini-app's files come from: a folder on disk (served from its index.html), a mini-program
// project (its generated view page and runtime files, main/miniprogram/miniprogram-host.ts, beside its raw
// files) or an http(s) server whose responses are fetched and passed on (so a dev server's app can be
// previewed too).
import { readFile } from 'node:fs/promises';
import { contentTypeOf } from '../host-common/content-types';
import { resolveMiniappSpec } from '../host-common/miniapp-spec';
import type { OutPaths } from '../host-common/out-layout';
import { resolveFileInside } from '../host-common/static-files';
import { createMiniProgramHost } from '../miniprogram/miniprogram-host';

/** One response of a mini-app source. */
export interface SourceResponse {
  status: number;
  contentType: string;
  body: Buffer;
  /** For redirects: the target path on the mini-app origin. */
  location?: string;
}

/** The mini-app's files, whatever their origin. */
export interface MiniappSource {
  /** Path (and query) of the page to open first, e.g. `/` or `/app/index.html?x=1`. */
  readonly entryPath: string;
  /** What to describe the mini-app as (a folder path or a URL). */
  readonly description: string;
  /** A mini-program project: its view page's shim also hands the logic Worker a link of its own. */
  readonly miniProgram: boolean;
  /** The folder on disk whose edits reload the preview; absent for a URL. */
  readonly folder?: string;
  get(pathAndQuery: string): Promise<SourceResponse>;
}

/** A source for `--miniapp <folder|url>`; rejects at once when the folder or URL is unusable. */
export async function openMiniappSource(spec: string, paths: Pick<OutPaths, 'logicWorker' | 'viewPage'>): Promise<MiniappSource> {
  const resolved = await resolveMiniappSpec(spec, process.cwd());
  if (resolved.kind === 'url') return urlSource(resolved.url);
  return resolved.kind === 'folder' ? folderSource(resolved.root) : miniProgramSource(resolved.root, paths);
}

function miniProgramSource(folder: string, paths: Pick<OutPaths, 'logicWorker' | 'viewPage'>): MiniappSource {
  const host = createMiniProgramHost({ folder, logicWorkerFile: paths.logicWorker, viewPageFile: paths.viewPage });
  const files = folderSource(host.root);
  return {
    entryPath: '/',
    description: folder,
    miniProgram: true,
    folder,
    async get(pathAndQuery) {
      const answer = await host.answer(pathAndQuery);
      if (answer === undefined) return files.get(pathAndQuery);
      return { status: answer.status, contentType: answer.contentType, body: Buffer.from(answer.body) };
    },
  };
}

function folderSource(root: string): MiniappSource {
  return {
    entryPath: '/',
    description: root,
    miniProgram: false,
    folder: root,
    async get(pathAndQuery) {
      const pathname = pathAndQuery.split('?')[0] ?? '/';
      const resolved = await resolveFileInside(root, pathname);
      if (!resolved.ok) {
        const status = resolved.reason === 'not-found' ? 404 : 400;
        return text(status, status === 404 ? 'Not found' : 'Bad path');
      }
      return { status: 200, contentType: contentTypeOf(resolved.path), body: await readFile(resolved.path) };
    },
  };
}

function urlSource(target: URL): MiniappSource {
  const origin = target.origin;
  return {
    entryPath: `${target.pathname}${target.search}`,
    description: target.href,
    miniProgram: false,
    async get(pathAndQuery) {
      let response: Response;
      try {
        response = await fetch(origin + pathAndQuery, { redirect: 'manual', signal: AbortSignal.timeout(15_000) });
      } catch (error) {
        return text(502, `The mini-app server ${origin} did not answer: ${error instanceof Error ? error.message : String(error)}`);
      }
      const body = Buffer.from(await response.arrayBuffer());
      const contentType = response.headers.get('content-type') ?? contentTypeOf(pathAndQuery.split('?')[0] ?? '');
      if (response.status >= 300 && response.status < 400) {
        const location = sameOriginPath(response.headers.get('location'), origin + pathAndQuery, origin);
        if (location === null) return text(502, 'The mini-app server redirected to another origin, which the preview cannot follow.');
        return { status: response.status, contentType, body, location };
      }
      return { status: response.status, contentType, body };
    },
  };
}

function sameOriginPath(location: string | null, base: string, origin: string): string | null {
  if (location === null) return null;
  try {
    const url = new URL(location, base);
    return url.origin === origin ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}

function text(status: number, message: string): SourceResponse {
  return { status, contentType: 'text/plain; charset=utf-8', body: Buffer.from(message) };
}
