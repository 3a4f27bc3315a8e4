// Files are small and do one thing: no source or stylesheet under the product's folders grows over 350 lines
// (docs/architecture.md#file-size). Read from disk, so a file not yet added to git counts too.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['renderer', 'main', 'preload', 'shared', 'e2e'];
const EXTENSIONS = /\.(ts|tsx|css)$/;
const MAX_LINES = 350;

function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** `folder/relative/path: N lines` for every matching file under `base`'s `folders` over `max` lines. */
function oversizedFiles(base: string, folders: readonly string[], max: number): string[] {
  const found: string[] = [];
  for (const folder of folders) {
    for (const entry of readdirSync(join(base, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !EXTENSIONS.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      const lines = lineCount(readFileSync(path, 'utf8'));
      if (lines > max) found.push(`${path.slice(base.length + 1)}: ${lines} lines`);
    }
  }
  return found;
}

describe('file size', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'file-size-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(`finds a file over the limit, nested, of each kind, and passes one at it`, () => {
    mkdirSync(join(scratch, 'renderer', 'deep'), { recursive: true });
    const lines = (count: number) => 'x\n'.repeat(count);
    writeFileSync(join(scratch, 'renderer', 'deep', 'big.css'), lines(MAX_LINES + 1));
    writeFileSync(join(scratch, 'renderer', 'big.tsx'), `${lines(MAX_LINES)}x`);
    writeFileSync(join(scratch, 'renderer', 'at-limit.ts'), lines(MAX_LINES));
    writeFileSync(join(scratch, 'renderer', 'notes.md'), lines(MAX_LINES * 2));
    expect(oversizedFiles(scratch, ['renderer'], MAX_LINES).sort()).toEqual([join('renderer', 'big.tsx') + ': 351 lines', join('renderer', 'deep', 'big.css') + ': 351 lines']);
  });

  it(`keeps every .ts, .tsx and .css file under ${FOLDERS.join(', ')} at ${MAX_LINES} lines or fewer`, () => {
    expect(oversizedFiles(root, FOLDERS, MAX_LINES)).toEqual([]);
  });
});
