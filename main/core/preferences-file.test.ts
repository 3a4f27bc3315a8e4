// The panel preferences file on a real disk, and the panel session that reads and saves it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PanelMessage } from '../../shared/panel-wire';
import { createEngine } from './engine';
import { createPanelSession } from './panel-session';
import { openPreferencesFile, preferencesPathIn } from './preferences-file';

/** Polls (bounded) until the condition holds. */
async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'msd-prefs-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the preferences file', () => {
  it('starts empty without a file, writes atomically, and reads back what it wrote', async () => {
    const path = preferencesPathIn(join(tempDir(), 'nested', 'app'));
    const store = openPreferencesFile(path);
    expect(store.get()).toEqual({});
    expect(store.problem).toBe('');
    await store.save({ layouts: { columns: { miniapp: 30, centre: 50, inspector: 20 } }, columns: { hidden: ['seq'], widths: { time: 100 } } });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ layouts: { columns: { miniapp: 30, centre: 50, inspector: 20 } }, columns: { hidden: ['seq'], widths: { time: 100 } } });
    expect(openPreferencesFile(path).get().columns?.widths.time).toBe(100);
  });

  it('writes the newest of many quick saves', async () => {
    const path = join(tempDir(), 'prefs.json');
    const store = openPreferencesFile(path);
    const saves = [1, 2, 3, 4, 5].map((n) => store.save({ columns: { hidden: [], widths: { time: 20 + n } } }));
    await Promise.all(saves);
    expect(JSON.parse(readFileSync(path, 'utf8')).columns.widths.time).toBe(25);
  });

  it('keeps a broken file aside as .broken and starts with defaults, saying why', () => {
    const dir = tempDir();
    const path = join(dir, 'prefs.json');
    writeFileSync(path, '{"columns": {"hidden": "not a list"}}');
    const store = openPreferencesFile(path);
    expect(store.get()).toEqual({});
    expect(store.problem).toContain('.broken');
    expect(existsSync(`${path}.broken`)).toBe(true);
    writeFileSync(path, '{not json');
    expect(openPreferencesFile(path).problem).toMatch(/not valid preferences/);
  });
});

describe('preferences over the panel session', () => {
  it('sends the stored preferences after subscribe, saves valid ones and rejects invalid ones with a warning', async () => {
    const path = join(tempDir(), 'prefs.json');
    const preferences = openPreferencesFile(path);
    await preferences.save({ filters: { directions: ['in'], types: ['text'], text: 'x' } });
    const engine = createEngine();
    const received: PanelMessage[] = [];
    const session = createPanelSession(engine, (message) => void received.push(message), { preferences });
    session.receive({ kind: 'subscribe' });
    expect(received.find((message) => message.kind === 'preferences')).toEqual({ kind: 'preferences', preferences: { filters: { directions: ['in'], types: ['text'], text: 'x' } } });

    session.receive({ kind: 'preferences-save', preferences: { layouts: { rows: { log: 70, bottom: 30 } } } });
    await waitFor(() => readFileSync(path, 'utf8').includes('"log": 70'));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ layouts: { rows: { log: 70, bottom: 30 } } });

    // Refused where it enters main: nothing is saved, a warning says why.
    session.receive({ kind: 'preferences-save', preferences: { layouts: { rows: { log: 700 } } } });
    expect(preferences.get()).toEqual({ layouts: { rows: { log: 70, bottom: 30 } } });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ layouts: { rows: { log: 70, bottom: 30 } } });
    expect([...engine.capture.from(0)].some((entry) => entry.kind === 'warning' && entry.name === 'invalid-panel-message')).toBe(true);
    session.close();
    await engine.shutdown();
  });
});
