// What the browser host previews, and when the panel reloads it (docs/miniprogram-runtime.md "Hot reload",
// "Opening projects"): the current source behind a stable facade (the mini-app server and the bridge read it
// per request), its app.json settings, a watcher on its folder, and the PreviewInfo the panel follows. An edit
// recompiles what changed (the compile cache is by mtime) before the panel reloads; opening another project
// swaps the source and reloads. Each moment is an engine lifecycle entry.
import type { AppJsonSettings } from '../../shared/app-json';
import type { HostConfig } from '../../shared/host-config';
import type { PreviewInfo } from '../../shared/preview-wire';
import { BUNDLE_PATHS } from '../../shared/miniprogram/view-bundle';
import type { PreviewHost } from '../core/preview-host';
import type { CaptureLog } from '../core/ports';
import type { OutPaths } from '../host-common/out-layout';
import { watchProject, type ProjectWatcher } from '../host-common/project-watcher';
import { readMiniappAppJson } from './miniapp-app-json';
import { openMiniappSource, type MiniappSource } from './miniapp-source';

/** Files of one edit named in PreviewInfo and the log. */
const MAX_CHANGED_NAMED = 20;

export interface PreviewControlOptions {
  capture: CaptureLog;
  paths: Pick<OutPaths, 'logicWorker' | 'viewPage'>;
  /** The mini-app origin, `http://127.0.0.1:<port>`. */
  miniappOrigin: string;
  /** The panel page's config: its `miniappUrl` follows the project, so a reloaded panel opens the current one. */
  config: HostConfig;
  /** Watch folders for edits (default true). */
  watch?: boolean;
  settleMs?: number;
}

export interface PreviewControl extends PreviewHost {
  /** The current source; reads go to whichever project is open at the time. */
  readonly source: MiniappSource;
  appJson(): AppJsonSettings | undefined;
  /** The folder or URL the panel opened last; undefined while the host's first project is open. */
  openedPath(): string | undefined;
  /** Resolves once the folder's watcher took its first look (edits before that are not seen). */
  watching(): Promise<void>;
  close(): Promise<void>;
}

interface Current {
  source: MiniappSource;
  appJson: AppJsonSettings | undefined;
  watcher: ProjectWatcher | undefined;
}

/** Starts with the source the host opened (`--miniapp`, or the demo). */
export async function createPreviewControl(initial: MiniappSource, options: PreviewControlOptions): Promise<PreviewControl> {
  const listeners = new Set<(info: PreviewInfo) => void>();
  let info: PreviewInfo = describe(initial, 0);
  let current: Current = await load(initial);
  let closed = false;
  let openedPath: string | undefined;

  function log(name: string, detail: Record<string, string | number | string[]>): void {
    options.capture.append({ clientId: '', connectionId: '', kind: 'lifecycle', name, direction: 'none', size: 0, detail });
  }

  function describe(source: MiniappSource, generation: number, extra: Partial<PreviewInfo> = {}): PreviewInfo {
    const mode = source.folder === undefined ? 'url' : source.miniProgram ? 'miniprogram' : 'html';
    return { project: source.description, mode, miniappUrl: options.miniappOrigin + source.entryPath, generation, watching: source.folder !== undefined && options.watch !== false, ...extra };
  }

  async function load(source: MiniappSource): Promise<Current> {
    const read = await readMiniappAppJson(source, options.capture);
    const watcher = source.folder !== undefined && options.watch !== false ? watchProject(source.folder, { settleMs: options.settleMs, onChange: (files) => void edited(source, files), onError: (error) => log('hot-reload-watch-failed', { project: source.description, error: error.message }) }) : undefined;
    return { source, appJson: read.found ? read.settings : undefined, watcher };
  }

  function publish(next: PreviewInfo): void {
    info = next;
    options.config.miniappUrl = next.miniappUrl ?? options.config.miniappUrl;
    for (const listener of [...listeners]) listener(next);
  }

  /** Compiles what changed, re-reads app.json, then has the panel reload the preview. */
  async function edited(source: MiniappSource, files: string[]): Promise<void> {
    if (closed || current.source !== source) return;
    const started = performance.now();
    if (source.miniProgram) await source.get(BUNDLE_PATHS.manifest).catch(() => undefined);
    const read = await readMiniappAppJson(source, options.capture);
    if (closed || current.source !== source) return;
    current.appJson = read.found ? read.settings : undefined;
    const changed = files.slice(0, MAX_CHANGED_NAMED);
    log('hot-reload', { project: source.description, files: changed, ...(files.length > changed.length ? { more: files.length - changed.length } : {}), compileMs: Math.round(performance.now() - started) });
    publish(describe(source, info.generation + 1, { reason: 'edit', changed }));
  }

  const facade: MiniappSource = {
    get entryPath() {
      return current.source.entryPath;
    },
    get description() {
      return current.source.description;
    },
    get miniProgram() {
      return current.source.miniProgram;
    },
    get folder() {
      return current.source.folder;
    },
    get: (pathAndQuery) => current.source.get(pathAndQuery),
  };

  return {
    source: facade,
    appJson: () => current.appJson,
    openedPath: () => openedPath,
    current: () => info,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async open(path) {
      const source = await openMiniappSource(path, options.paths);
      const next = await load(source);
      const previous = current;
      current = next;
      openedPath = path;
      await previous.watcher?.close();
      if (closed) await next.watcher?.close();
      log('project-opened', { project: source.description, mode: describe(source, 0).mode });
      publish(describe(source, info.generation + 1, { reason: 'open' }));
      return info;
    },
    watching: async () => current.watcher?.ready,
    async close() {
      closed = true;
      listeners.clear();
      await current.watcher?.close();
    },
  };
}
