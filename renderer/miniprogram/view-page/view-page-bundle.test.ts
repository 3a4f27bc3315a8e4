// The view page glue is on the path to every preview's first render: it validates nothing, so its bundle must
// not pull in zod (a constant imported from a file that builds schemas would bring the whole library).
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the view page bundle', () => {
  it('holds no zod and stays small', async () => {
    const result = await build({ entryPoints: [join(import.meta.dirname, 'view-page.ts')], bundle: true, write: false, minify: true, metafile: true, format: 'iife', target: 'chrome120', logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((file) => file.includes('node_modules/zod'))).toEqual([]);
    expect(inputs.some((file) => file.includes('node_modules/preact'))).toBe(true);
    expect(result.outputFiles[0]?.contents.byteLength).toBeLessThan(120_000);
  });
});
