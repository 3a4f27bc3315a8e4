// Where the e2e suite finds its Chromium (e2e/harness/browser-path.ts), with real files in a temp folder.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBrowser } from '../e2e/harness/browser-path';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folderWith(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'msd-browser-'));
  dirs.push(dir);
  writeFileSync(join(dir, name), '#!/bin/sh\n');
  chmodSync(join(dir, name), 0o755);
  return dir;
}

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, and only when it exists', () => {
    const dir = folderWith('my-chrome');
    expect(findBrowser({ CHROMIUM_PATH: join(dir, 'my-chrome') })).toEqual({ path: join(dir, 'my-chrome'), source: 'CHROMIUM_PATH' });
    expect(findBrowser({ CHROMIUM_PATH: join(dir, 'missing') })).toBeUndefined();
  });

  it("prefers Debian's chromium, then a Chrome or Chromium on PATH", () => {
    const debian = folderWith('chromium');
    const onPath = folderWith('google-chrome');
    expect(findBrowser({ PATH: onPath }, join(debian, 'chromium'))?.source).toBe("Debian's chromium");
    expect(findBrowser({ PATH: onPath }, join(debian, 'absent'))).toEqual({ path: join(onPath, 'google-chrome'), source: 'google-chrome on PATH' });
  });
});
