// Property-based fuzzing of the project files the engine reads (docs/architecture.md#fuzz-tests): a
// project's storage file and its app.json with any content (bytes that are no UTF-8, any JSON, near-valid
// mutations of a good file). Reading never throws; a broken storage file is set aside as `.broken` with one
// `storage-file-unreadable` warning and the page starts from what was usable; a broken app.json is one
// `app-json-invalid` warning and the defaults; the page's storage calls keep working and persist.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONNECT_TIMEOUT_MS } from '../../../shared/app-json';
import { loadAppJson } from '../app-json-loader';
import { createCaptureLog } from '../capture-log';
import { createEngine } from '../engine';
import { fuzzParameters, fuzzTimeout } from '../test-support/fuzz-runs';
import { hostileJson, nearValid } from '../test-support/hostile-values';
import { storageFileOf } from './project-storage';
import { attachMyClient } from '../test-support/attach-my';

const STORAGE_RUNS = 60;
const APP_JSON_RUNS = 300;
const PROJECT = 'fuzzed-project';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'msd-project-files-fuzz-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Any file content: bytes (maybe not UTF-8), JSON text of any value, or a near-valid storage file. */
const fileContent: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  hostileJson.map((value) => new Uint8Array(Buffer.from(JSON.stringify(value) ?? ''))),
  nearValid([{ project: PROJECT, entries: { token: '{"value":"t-1"}', n: '1', bad: '{not json' } }]).map((value) => {
    try {
      return new Uint8Array(Buffer.from(JSON.stringify(value) ?? ''));
    } catch {
      return new Uint8Array(Buffer.from('{"entries":'.repeat(3)));
    }
  }),
);

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe('project files fuzzed', () => {
  it(
    'a storage file of any content is read or set aside with one warning, and the page storage keeps working',
    async () => {
      const file = storageFileOf(dir, PROJECT);
      let loaded = 0;
      await fc.assert(
        fc.asyncProperty(fileContent, async (content) => {
          await rm(`${file}.broken`, { force: true });
          await writeFile(file, content);
          const engine = createEngine({ storageDir: dir });
          try {
            const { my } = attachMyClient(engine, { projectKey: PROJECT });
            // The seed (the file's entries) comes before any answer: one round trip and the mirror holds it.
            await my.getClipboard({});
            const info = await my.getStorageInfo();
            const keys = (info as { keys: string[] }).keys;
            if (keys.length > 0) loaded += 1;
            for (const key of keys) expect(() => my.getStorageSync({ key })).not.toThrow();
            const warnings = [...engine.capture.from(0)].filter((entry) => entry.kind === 'warning' && entry.name === 'storage-file-unreadable');
            const setAside = await exists(`${file}.broken`);
            expect(warnings).toHaveLength(setAside ? 1 : 0);
            if (setAside) {
              expect(keys).toEqual([]);
              expect(warnings[0]?.errorMessage).toContain('set aside');
            }
            await expect(my.setStorage({ key: 'after', data: { ok: true } })).resolves.toEqual({});
          } finally {
            await engine.shutdown();
          }
          const saved = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, string> };
          expect(saved.entries['after']).toBe('{"ok":true}');
        }),
        fuzzParameters(STORAGE_RUNS),
      );
      // Usable files occur among the broken ones, so the keys they hold were read.
      expect(loaded).toBeGreaterThan(0);
    },
    fuzzTimeout(STORAGE_RUNS, 60_000),
  );

  it(
    'an app.json of any text gives its settings or the defaults with one warning, never a throw',
    async () => {
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 60 }),
        hostileJson.map((value) => JSON.stringify(value) ?? ''),
        nearValid([{ pages: ['pages/index/index'], behavior: { connectSocketDefaultMultiple: true }, networkTimeout: { connectSocket: 5000 } }]).map((value) => {
          try {
            return JSON.stringify(value) ?? '';
          } catch {
            return '{"behavior":';
          }
        }),
      );
      const capture = createCaptureLog();
      await fc.assert(
        fc.asyncProperty(text, async (appJson) => {
          const fromSeq = capture.nextSeq();
          const read = await loadAppJson(() => Promise.resolve(appJson), 'app.json', capture);
          expect(read.found).toBe(true);
          if (!read.found) return;
          const warnings = [...capture.from(fromSeq)].filter((entry) => entry.kind === 'warning' && entry.name === 'app-json-invalid');
          expect(warnings).toHaveLength(read.problem === undefined ? 0 : 1);
          if (read.problem !== undefined) expect(read.settings).toEqual({});
          const { connectTimeoutMs, connectSocketDefaultMultiple } = read.settings;
          if (connectTimeoutMs !== undefined) {
            expect(Number.isInteger(connectTimeoutMs)).toBe(true);
            expect(connectTimeoutMs).toBeGreaterThanOrEqual(1);
            expect(connectTimeoutMs).toBeLessThanOrEqual(MAX_CONNECT_TIMEOUT_MS);
          }
          if (connectSocketDefaultMultiple !== undefined) expect(typeof connectSocketDefaultMultiple).toBe('boolean');
        }),
        fuzzParameters(APP_JSON_RUNS),
      );
    },
    fuzzTimeout(APP_JSON_RUNS),
  );
});
