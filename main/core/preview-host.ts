// What a host offers the panel about its preview (docs/miniprogram-runtime.md "Hot reload", "Opening projects"):
// the panel session relays it, so the engine never knows how a host serves or reloads the mini-app.
import type { PreviewInfo } from '../../shared/preview-wire';

export interface PreviewHost {
  current(): PreviewInfo;
  /** Called after every change (a hot reload, another project opened); returns the unsubscribe. */
  onChange(listener: (info: PreviewInfo) => void): () => void;
  /** Opens a folder or URL (as `--miniapp` takes it); rejects with a message the panel shows. */
  open(path: string): Promise<PreviewInfo>;
  /** Electron: asks for a folder with the system dialog; undefined when cancelled. Absent in the browser host. */
  chooseFolder?(): Promise<string | undefined>;
}
