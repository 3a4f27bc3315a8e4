// What the host tells the panel about the preview (docs/miniprogram-runtime.md "Hot reload", "Opening projects"):
// which project it shows, where the mini-app page is served and how often the host reloaded it.

export interface PreviewInfo {
  /** The folder or URL previewed, as the host resolved it. */
  project: string;
  /** `miniprogram`: app.json project; `html`: a folder served from its index.html; `url`: an http(s) server. */
  mode: 'miniprogram' | 'html' | 'url';
  /** Browser host: the mini-app page to load in the panel's iframe; absent under Electron (its own view). */
  miniappUrl?: string;
  /** Grows with every reload the host asks for; the panel reloads the preview when it changes. */
  generation: number;
  /** Why the last reload happened: an edit of the project's files, or another project opened. */
  reason?: 'edit' | 'open';
  /** Files of the last edit, relative to the project (at most 20). */
  changed?: string[];
  /** Edits of the project's files reload the preview (folders; not URLs). */
  watching: boolean;
}
