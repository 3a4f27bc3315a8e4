// Session-level walls (docs/architecture.md#our-own-windows, docs/architecture.md#the-mini-app-view): no permission is ever granted, and the mini-app's
// own session downloads nothing and reaches no network except its own origin, so `my` is its only way out.
import { hasOrigin } from './origin';

/** The parts of Electron's Session the permission handlers use. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/** The parts of Electron's Session the mini-app confinement uses. */
export interface ConfinableSession extends PermissionSession {
  on(event: 'will-download', listener: (event: { preventDefault(): void }, item: { getURL(): string }) => void): unknown;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/** Request, check and device permissions: always no. */
export function denyAllPermissions(session: PermissionSession, log: (message: string) => void = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** The mini-app may load its own origin plus data: and blob: URLs; everything else is cancelled. */
export function isAllowedMiniappRequest(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  return hasOrigin(url, origin);
}

/**
 * Denies permissions and downloads, filters every request of the mini-app session, and adds `csp` to every
 * response it receives over the network (a URL-loaded mini-app; miniapp:// responses carry it themselves).
 */
export function confineMiniappSession(
  session: ConfinableSession,
  options: { origin: string; csp: string },
  log: (message: string) => void = () => {},
): void {
  const { origin, csp } = options;
  denyAllPermissions(session, log);
  session.on('will-download', (event, item) => {
    event.preventDefault();
    log(`blocked a download of ${item.getURL()}`);
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedMiniappRequest(details.url, origin);
    if (!allowed) log(`blocked a mini-app request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  // A second policy header only ever tightens the page's own one.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
