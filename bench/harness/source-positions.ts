// Maps positions in the built bundles (out/**/*.js, minified for the browser) back to the TypeScript
// sources with their source maps, so profile hotspots name real files and lines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, relative, resolve } from 'node:path';

/** Turns a bundle file name and 0-based position into `path/in/repo.ts:line`, or undefined. */
export type SourcePositionMapper = (fileName: string, line: number, column: number) => string | undefined;

/** Indexes every source map under `outDir`; `root` is what source paths are shown relative to. */
export function createSourcePositionMapper(outDir: string, root: string): SourcePositionMapper {
  const maps = new Map<string, { map: SourceMap; dir: string }>();
  const visit = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.js.map') || entry.name.endsWith('.cjs.map')) {
        try {
          maps.set(entry.name.replace(/\.map$/, ''), { map: new SourceMap(JSON.parse(readFileSync(path, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]), dir });
        } catch {
          // An unreadable map only means unmapped names in a note.
        }
      }
    }
  };
  visit(outDir);
  return (fileName, line, column) => {
    const found = maps.get(fileName);
    if (!found) return undefined;
    const entry = found.map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
    if (!entry.originalSource || entry.originalLine === undefined) return undefined;
    const source = entry.originalSource.startsWith('file://') ? new URL(entry.originalSource).pathname : resolve(found.dir, entry.originalSource);
    const shown = relative(root, source).replace(/^(\.\.\/)+/, '');
    return `${shown.includes('node_modules/') ? shown.slice(shown.lastIndexOf('node_modules/') + 13) : shown}:${entry.originalLine + 1}`;
  };
}


/** Like SourcePositionMapper, for a character offset into the bundle (what the LoAF API reports). */
export type SourceOffsetMapper = (fileName: string, charPosition: number) => string | undefined;

/** Maps character offsets in bundles under `outDir` through their source maps. */
export function createSourceOffsetMapper(outDir: string, root: string): SourceOffsetMapper {
  const byLine = createSourcePositionMapper(outDir, root);
  const lineStarts = new Map<string, number[] | null>();
  const findBundle = (dir: string, fileName: string): string | undefined => {
    if (!existsSync(dir)) return undefined;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = findBundle(path, fileName);
        if (found) return found;
      } else if (entry.name === fileName) return path;
    }
    return undefined;
  };
  return (fileName, charPosition) => {
    if (!lineStarts.has(fileName)) {
      const path = findBundle(outDir, fileName);
      const text = path ? readFileSync(path, 'utf8') : undefined;
      lineStarts.set(fileName, text === undefined ? null : [0, ...[...text.matchAll(/\n/g)].map((match) => (match.index ?? 0) + 1)]);
    }
    const starts = lineStarts.get(fileName);
    if (!starts) return undefined;
    let line = 0;
    while (line + 1 < starts.length && (starts[line + 1] as number) <= charPosition) line += 1;
    return byLine(fileName, line, charPosition - (starts[line] as number));
  };
}
