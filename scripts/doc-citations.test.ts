// Comments cite the design and behaviour docs of this repository by section: every cited section must
// exist, and nothing may cite the documents this project was derived from (they are not in the repo).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mjs', '*.js', '*.css', '*.yml'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file !== '' && file !== 'scripts/doc-citations.test.ts');

/** GitHub's anchor of a Markdown heading. */
function slug(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

function anchorsOf(doc: string): Set<string> {
  const text = readFileSync(join(root, 'docs', doc), 'utf8');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1] as string)));
}

describe('doc citations in the code', () => {
  const anchors = { 'behaviour.md': anchorsOf('behaviour.md'), 'architecture.md': anchorsOf('architecture.md'), 'debugging.md': anchorsOf('debugging.md') };

  it('point at sections that exist', () => {
    const cited: string[] = [];
    const missing: string[] = [];
    for (const file of sources) {
      for (const match of readFileSync(join(root, file), 'utf8').matchAll(/docs\/(behaviour\.md|architecture\.md|debugging\.md)#([a-z0-9-]+)/g)) {
        const [, doc, anchor] = match as unknown as [string, keyof typeof anchors, string];
        cited.push(anchor);
        if (!anchors[doc].has(anchor)) missing.push(`${file}: ${doc}#${anchor}`);
      }
    }
    expect(cited.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('never cite the documents outside the repository', () => {
    const outside = sources.filter((file) => /api-spec|architecture\.md (C\d|§)|features\.md|shared\/docs/.test(readFileSync(join(root, file), 'utf8')));
    expect(outside).toEqual([]);
  });
});
