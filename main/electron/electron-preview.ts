// The Electron host's preview (docs/miniprogram-runtime.md "Opening projects", "Hot reload"): the system's folder
// dialog, opening another folder in place of the current one and reloading the mini-app view when the
// project's files change. Electron itself is reached only through the functions passed in (a thin adapter,
// tested with fakes in test-support). A URL project cannot replace a folder here: the mini-app's session is
// confined to one origin at start (docs/architecture.md#security-walls), so that needs a restart with --miniapp.
import type { PreviewInfo } from '../../shared/preview-wire';
import type { PreviewHost } from '../core/preview-host';
import type { CaptureLog } from '../core/ports';
import type { ProjectWatcher, ProjectWatcherOptions } from '../host-common/project-watcher';
import type { MiniappLocation } from './miniapp-location';

/** The part of Electron's `dialog` used here. */
export interface FolderDialog<W> {
  showOpenDialog(window: W, options: { title: string; properties: ('openDirectory' | 'dontAddToRecent')[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** Asks for a project folder; undefined when the user cancelled. */
export async function chooseProjectFolder<W>(dialog: FolderDialog<W>, window: W): Promise<string | undefined> {
  const result = await dialog.showOpenDialog(window, { title: 'Open a mini-program project or mini-app folder', properties: ['openDirectory', 'dontAddToRecent'] });
  return result.canceled ? undefined : result.filePaths[0];
}

export interface ElectronPreviewDeps<W> {
  initial: MiniappLocation;
  capture: CaptureLog;
  dialog: FolderDialog<W>;
  window: W;
  /** Resolves a folder as `--miniapp` does (throws a clear Error). */
  locate(path: string): Promise<MiniappLocation>;
  /** Serves `location` on the mini-app scheme (replacing the current folder's handler). */
  serve(location: MiniappLocation): void;
  /** Loads (or reloads) the mini-app view. */
  load(location: MiniappLocation): void;
  watch(folder: string, options: ProjectWatcherOptions): ProjectWatcher;
}

export interface ElectronPreview extends PreviewHost {
  /** Resolves once the open folder's watcher took its first look. */
  watching(): Promise<void>;
  close(): Promise<void>;
}

const MODE: Record<MiniappLocation['kind'], PreviewInfo['mode']> = { folder: 'html', miniprogram: 'miniprogram', url: 'url' };

export function createElectronPreview<W>(deps: ElectronPreviewDeps<W>): ElectronPreview {
  const listeners = new Set<(info: PreviewInfo) => void>();
  let location = deps.initial;
  let info: PreviewInfo = describe(location, 0);
  let watcher = watchLocation(location);

  function describe(at: MiniappLocation, generation: number, extra: Partial<PreviewInfo> = {}): PreviewInfo {
    return { project: at.kind === 'url' ? at.entryUrl : at.root, mode: MODE[at.kind], generation, watching: at.kind !== 'url', ...extra };
  }

  function log(name: string, detail: Record<string, string | string[]>): void {
    deps.capture.append({ clientId: '', connectionId: '', kind: 'lifecycle', name, direction: 'none', size: 0, detail });
  }

  function publish(next: PreviewInfo): void {
    info = next;
    for (const listener of [...listeners]) listener(next);
  }

  function watchLocation(at: MiniappLocation): ProjectWatcher | undefined {
    if (at.kind === 'url') return undefined;
    return deps.watch(at.root, {
      onChange(files) {
        if (location !== at) return;
        log('hot-reload', { project: at.root, files: files.slice(0, 20) });
        deps.load(at);
        publish(describe(at, info.generation + 1, { reason: 'edit', changed: files.slice(0, 20) }));
      },
    });
  }

  return {
    current: () => info,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async open(path) {
      const next = await deps.locate(path);
      if (next.kind === 'url') throw new Error('Under Electron a URL opens with a restart: mini-socket-devtools --miniapp <url>');
      await watcher?.close();
      location = next;
      deps.serve(next);
      watcher = watchLocation(next);
      deps.load(next);
      log('project-opened', { project: next.root, mode: MODE[next.kind] });
      publish(describe(next, info.generation + 1, { reason: 'open' }));
      return info;
    },
    chooseFolder: () => chooseProjectFolder(deps.dialog, deps.window),
    watching: async () => watcher?.ready,
    async close() {
      listeners.clear();
      await watcher?.close();
    },
  };
}
