// Reading a mini-program folder by project path (`/pages/index/index.axml`), confined to its root, plus a
// compile cache that stays valid while none of the files a result was built from changed (mtime + size).
import { readFileSync, statSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';

export class ProjectFiles {
  constructor(readonly root: string) {}

  /** The file system path of a project path; undefined when it would leave the root. */
  pathOf(projectPath: string): string | undefined {
    const full = join(this.root, projectPath);
    const inside = relative(this.root, full);
    return inside.startsWith('..') || isAbsolute(inside) ? undefined : full;
  }

  /** `mtime:size` of a regular file, or undefined when absent. */
  stamp(projectPath: string): string | undefined {
    const full = this.pathOf(projectPath);
    if (full === undefined) return undefined;
    try {
      const stats = statSync(full);
      return stats.isFile() ? `${stats.mtimeMs}:${stats.size}` : undefined;
    } catch {
      return undefined;
    }
  }

  exists(projectPath: string): boolean {
    return this.stamp(projectPath) !== undefined;
  }

  readText(projectPath: string): string | undefined {
    const bytes = this.readBytes(projectPath);
    return bytes === undefined ? undefined : bytes.toString('utf8');
  }

  readBytes(projectPath: string): Buffer | undefined {
    const full = this.pathOf(projectPath);
    if (full === undefined || !this.exists(projectPath)) return undefined;
    try {
      return readFileSync(full);
    } catch {
      return undefined;
    }
  }
}

interface CacheEntry<T> {
  stamps: Array<[path: string, stamp: string | undefined]>;
  value: T;
}

/** One compiled result per project path; `files` of a result are the paths it read (itself, imports). */
export class CompileCache<T extends { files: string[] }> {
  private readonly entries = new Map<string, CacheEntry<T>>();

  constructor(private readonly files: ProjectFiles) {}

  get(path: string, compile: () => T): T {
    const entry = this.entries.get(path);
    if (entry !== undefined && entry.stamps.every(([file, stamp]) => this.files.stamp(file) === stamp)) return entry.value;
    const value = compile();
    this.entries.set(path, { value, stamps: value.files.map((file) => [file, this.files.stamp(file)]) });
    return value;
  }
}
