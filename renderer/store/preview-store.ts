// What the host previews (docs/miniprogram-runtime.md "Hot reload", "Opening projects"): the host's last
// `preview` message. The phone reloads when its generation changes; the Project section shows it.
import { create } from 'zustand';
import { MAX_RECENT_PROJECTS } from '../../shared/panel-preferences';
import type { PreviewInfo } from '../../shared/preview-wire';

export interface PreviewState {
  /** null until the host said (and always under hosts that do not). */
  preview: PreviewInfo | null;
  receive(preview: PreviewInfo): void;
}

export const usePreviewStore = create<PreviewState>()((set) => ({
  preview: null,
  receive: (preview) => set({ preview }),
}));

/** `project` first, then the others of `recent` (no repeats), at most MAX_RECENT_PROJECTS. */
export function withRecentProject(recent: readonly string[] | undefined, project: string): string[] {
  return [project, ...(recent ?? []).filter((entry) => entry !== project)].slice(0, MAX_RECENT_PROJECTS);
}
