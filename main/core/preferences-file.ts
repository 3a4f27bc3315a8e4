// The panel's preferences as one JSON file in the user's app data folder (docs/behaviour.md#panel-preferences).
// Read once when the host starts; each save replaces the file atomically (temporary file, then rename), one
// write at a time, the newest state winning. A missing file is an empty preferences object; a broken or
// invalid one is kept aside as `<file>.broken` and reported through `problem`, never thrown.
import { readFileSync, renameSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describeIssues } from '../../shared/jsonl';
import { panelPreferencesSchema, type PanelPreferences } from '../../shared/panel-preferences';

/** The file name inside the app data folder. */
export const PREFERENCES_FILE_NAME = 'panel-preferences.json';

export interface PreferencesStore {
  /** The last saved (or read) preferences. */
  get(): PanelPreferences;
  /** Keeps `preferences` and writes them; resolves once they are on disk. */
  save(preferences: PanelPreferences): Promise<void>;
  /** Why the file could not be read at start ('' = it could, or there was none). */
  readonly problem: string;
}

/** The preferences file in an app data folder. */
export function preferencesPathIn(appDataDir: string): string {
  return join(appDataDir, PREFERENCES_FILE_NAME);
}

/** Opens the preferences stored at `path` (created on the first save). */
export function openPreferencesFile(path: string): PreferencesStore {
  const { preferences: initial, problem } = readPreferences(path);
  let current = initial;
  let writing: Promise<void> = Promise.resolve();
  return {
    problem,
    get: () => current,
    save(preferences) {
      current = preferences;
      writing = writing.then(async () => {
        if (current !== preferences) return; // a newer save follows and writes the newest state
        await mkdir(dirname(path), { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        await writeFile(temporary, `${JSON.stringify(preferences, null, 2)}\n`, 'utf8');
        await rename(temporary, path);
      });
      return writing;
    },
  };
}

function readPreferences(path: string): { preferences: PanelPreferences; problem: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { preferences: {}, problem: '' };
    return { preferences: {}, problem: `could not read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  let reason: string;
  try {
    const parsed = panelPreferencesSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { preferences: parsed.data, problem: '' };
    reason = describeIssues(parsed.error);
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  try {
    renameSync(path, `${path}.broken`);
  } catch {
    // Kept in place: the next save replaces it.
  }
  return { preferences: {}, problem: `${path} was not valid preferences (${reason}); kept as ${path}.broken, starting with the defaults` };
}
