// Where the mini-app's app.json is and how an answer for it reads, the same in both hosts: the file beside
// the entry page, absent when the server says 404 or answers with a page (a dev server's fallback for
// unknown paths is not an app.json). Parsing and the warning are main/core/app-json-loader.ts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isHtmlType } from './content-types';

/** `/app.json` for `/`, `/app/app.json` for `/app/index.html?x=1`. */
export function appJsonPathFor(entryPath: string): string {
  const pathname = entryPath.split('?')[0] ?? '/';
  return `${pathname.slice(0, pathname.lastIndexOf('/') + 1)}app.json`;
}

/** The app.json text of an HTTP answer for it: undefined when there is none, a rejection for an error status. */
export async function appJsonTextOf(answer: { status: number; contentType: string | null }, body: () => Promise<string>, where: string): Promise<string | undefined> {
  if (answer.status === 404 || isHtmlType(answer.contentType)) return undefined;
  if (answer.status < 200 || answer.status > 299) throw new Error(`HTTP ${answer.status} for ${where}`);
  return body();
}

/** The app.json text of a mini-app folder, or undefined when it has none. */
export async function readFolderAppJson(root: string): Promise<string | undefined> {
  try {
    return await readFile(join(root, 'app.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
