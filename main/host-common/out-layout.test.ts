// Where a host finds the built session writer thread: given out/, from an installed bundle's own place, or
// none from the sources (docs/architecture.md#session-writer-thread).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionWriterThreadFor } from './out-layout';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('sessionWriterThreadFor', () => {
  it('uses the out/ folder the caller knows', () => {
    expect(sessionWriterThreadFor('file:///x/main/cli.js', '/opt/app/out')).toBe(join('/opt/app/out', 'main/session-writer-thread.mjs'));
  });

  it('finds it from an installed package’s bundle, as the Playwright entry point runs (no out/ given)', () => {
    const root = mkdtempSync(join(tmpdir(), 'msd-installed-'));
    made.push(root);
    const packageDir = join(root, 'node_modules', 'mini-socket-devtools');
    mkdirSync(join(packageDir, 'out', 'main'), { recursive: true });
    writeFileSync(join(packageDir, 'package.json'), JSON.stringify({ name: 'mini-socket-devtools' }));
    const bundle = pathToFileURL(join(packageDir, 'out', 'main', 'playwright.js')).href;
    expect(sessionWriterThreadFor(bundle)).toBe(join(packageDir, 'out', 'main', 'session-writer-thread.mjs'));
  });

  it('names none from the sources, where the store runs the TypeScript thread', () => {
    expect(sessionWriterThreadFor(new URL('../cli/start-web.ts', import.meta.url).href)).toBeUndefined();
  });
});
