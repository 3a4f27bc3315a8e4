// Every warning id the engine can emit has a written explanation: read the engine's sources for the ids
// it logs (EngineWarning ids, the panel session's warn(name), engine-level `warning:` details).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_WARNING_IDS } from './warning-catalog';

const mainDir = new URL('../../main/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return item.name === 'electron' ? [] : sourceFiles(path);
    return item.name.endsWith('.ts') && !item.name.endsWith('.test.ts') ? [path] : [];
  });
}

function emittedWarningIds(): string[] {
  const ids = new Set<string>();
  const patterns = [/\bid: '([a-z0-9-]+)'/g, /\bwarn\('([a-z0-9-]+)'/g, /\bwarning: '([a-z0-9-]+)'/g];
  for (const file of sourceFiles(mainDir)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) ids.add(match[1]!);
  }
  return [...ids].sort();
}

describe('warning catalog coverage', () => {
  it('explains every warning id the engine emits', () => {
    const emitted = emittedWarningIds();
    expect(emitted).toContain('send-before-open');
    expect(emitted.length).toBeGreaterThan(15);
    expect(emitted.filter((id) => !KNOWN_WARNING_IDS.includes(id))).toEqual([]);
  });
});
