// Watches a previewed folder for edits (docs/miniprogram-runtime.md "Hot reload"). chokidar, not fs.watch:
// Node's recursive fs.watch reports renames and editors' atomic saves (write a temp file, rename it over)
// differently on each platform and misses folders created after it started on some; chokidar normalises
// both. Changes are gathered for a short quiet time, so one save (or a `git checkout` of many files) is one
// reload. Dot-folders and node_modules are not watched: the preview never serves the first, and the second
// is large and rarely edited (a reload button covers it).
import { relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface ProjectWatcherOptions {
  /** Quiet time after the last change before `onChange` runs (ms). */
  settleMs?: number;
  /** The changed files, relative to the folder with `/` separators, sorted. */
  onChange(files: string[]): void;
  /** The watcher failed (e.g. too many watched files); the preview still works without it. */
  onError?(error: Error): void;
}

export interface ProjectWatcher {
  /** Resolves once the initial scan is done: edits from then on are reported. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_SETTLE_MS = 80;

/** Whether a path inside the folder is one the watcher skips (a dot segment or node_modules). */
export function isIgnoredProjectPath(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).some((segment) => (segment.startsWith('.') && segment !== '.' && segment !== '..') || segment === 'node_modules');
}

export function watchProject(folder: string, options: ProjectWatcherOptions): ProjectWatcher {
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watcher: FSWatcher = watch(folder, {
    ignoreInitial: true,
    ignored: (path) => path !== folder && isIgnoredProjectPath(relative(folder, path)),
    // Editors save in several writes; wait until the size holds still before reporting.
    awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 },
  });

  function flush(): void {
    timer = undefined;
    const files = [...changed].sort();
    changed.clear();
    if (files.length > 0) options.onChange(files);
  }

  watcher.on('all', (_event, path) => {
    changed.add(relative(folder, path).split(sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(flush, settleMs);
  });
  watcher.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
