// my storage kept per project across restarts (docs/behaviour.md#storage-mirror): one JSON file per
// project in the storage folder, read when a page of the project attaches and rewritten (whole, by a
// write to a temporary file and a rename) shortly after each burst of writes. Without a folder it lives
// in memory for the engine's lifetime.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StorageWrite } from '../../../shared/my-wire';
import { createStorageMirror, type StorageMirror, type StorageRefusal } from '../../../shared/my/storage-mirror';

export interface ProjectStore {
  entries(): Record<string, string>;
  apply(write: StorageWrite): StorageRefusal | undefined;
}

export interface ProjectStorage {
  /** The store of a project; `onUnreadable` hears when its file was broken (it was set aside). */
  open(projectKey: string, onUnreadable?: (detail: string) => void): ProjectStore;
  /** The projects opened in this engine with their entries (the panel's storage view). */
  projects(): { project: string; entries: Record<string, string> }[];
  /** Resolves once every write made so far is on disk. */
  flush(): Promise<void>;
}

interface FileContent {
  project: string;
  entries: Record<string, string>;
}

/** The storage folder inside an app data folder. */
export function storageDirIn(appDataDir: string): string {
  return join(appDataDir, 'storage');
}

/** The file of a project: a hash of its key, so any key is a safe file name. */
export function storageFileOf(dir: string, projectKey: string): string {
  return join(dir, `${createHash('sha256').update(projectKey).digest('hex').slice(0, 32)}.json`);
}

function readStore(file: string, mirror: StorageMirror, onUnreadable?: (detail: string) => void): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  try {
    const content = JSON.parse(text) as Partial<FileContent>;
    if (typeof content.entries !== 'object' || content.entries === null) throw new Error('no entries object');
    mirror.replace(content.entries);
  } catch (error) {
    const broken = `${file}.broken`;
    try {
      renameSync(file, broken);
    } catch {
      // Left in place: it is overwritten by the next write.
    }
    onUnreadable?.(`${file}: ${error instanceof Error ? error.message : String(error)}; set aside as ${broken}`);
  }
}

export function createProjectStorage(dir: string | undefined): ProjectStorage {
  const stores = new Map<string, ProjectStore>();
  let saving: Promise<void> = Promise.resolve();

  function save(file: string, content: FileContent): void {
    const temporary = `${file}.tmp`;
    saving = saving
      .then(async () => {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(temporary, JSON.stringify(content));
        await rename(temporary, file);
      })
      .catch((error: unknown) => console.error(`[storage] could not save ${file}:`, error));
  }

  return {
    open(projectKey, onUnreadable) {
      const known = stores.get(projectKey);
      if (known) return known;
      const mirror = createStorageMirror();
      const file = dir === undefined ? undefined : storageFileOf(dir, projectKey);
      if (file !== undefined) readStore(file, mirror, onUnreadable);
      let queued = false;
      const store: ProjectStore = {
        entries: () => mirror.entries(),
        apply(write) {
          const refused = mirror.apply(write);
          if (refused || file === undefined || queued) return refused;
          queued = true;
          // A burst of writes in one tick is one file write.
          setImmediate(() => {
            queued = false;
            save(file, { project: projectKey, entries: mirror.entries() });
          });
          return undefined;
        },
      };
      stores.set(projectKey, store);
      return store;
    },
    projects: () => [...stores].map(([project, store]) => ({ project, entries: store.entries() })),
    async flush() {
      await new Promise((resolve) => setImmediate(resolve));
      await saving;
    },
  };
}
