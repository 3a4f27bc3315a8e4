// The panel's preview requests (docs/miniprogram-runtime.md "Opening projects"): open a project, choose a folder
// (Electron), and the `preview` messages that follow every change of the host's preview.
import type { PanelMessage, PanelRequest } from '../../shared/panel-wire';
import type { PreviewHost } from './preview-host';

type PreviewRequest = Extract<PanelRequest, { kind: 'open-project' | 'choose-project-folder' }>;

export interface PreviewRequests {
  /** Sends the current preview and every later change (once per panel session). */
  subscribe(): void;
  handle(request: PreviewRequest): void;
  close(): void;
}

export function createPreviewRequests(host: PreviewHost | undefined, deliver: (message: PanelMessage) => void): PreviewRequests {
  let unsubscribe: (() => void) | undefined;
  const fail = (requestId: number, error: unknown): void => deliver({ kind: 'reply', requestId, ok: false, error: error instanceof Error ? error.message : String(error) });
  return {
    subscribe() {
      if (!host || unsubscribe) return;
      deliver({ kind: 'preview', preview: host.current() });
      unsubscribe = host.onChange((preview) => deliver({ kind: 'preview', preview }));
    },
    handle(request) {
      if (!host) return fail(request.requestId, 'this host cannot change its preview');
      if (request.kind === 'open-project') {
        host.open(request.path).then(
          (preview) => deliver({ kind: 'reply', requestId: request.requestId, ok: true, body: JSON.stringify(preview) }),
          (error: unknown) => fail(request.requestId, error),
        );
        return;
      }
      if (!host.chooseFolder) return fail(request.requestId, 'no folder dialog here: type the folder path');
      host.chooseFolder().then(
        (folder) => deliver({ kind: 'reply', requestId: request.requestId, ok: true, body: folder ?? '' }),
        (error: unknown) => fail(request.requestId, error),
      );
    },
    close() {
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}
