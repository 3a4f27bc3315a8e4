// Keeps a webContents on the origin we loaded it from: a page (or one of its frames) that tries to
// navigate or be redirected elsewhere is stopped (docs/architecture.md#our-own-windows, docs/architecture.md#the-mini-app-view).
import { hasOrigin } from './origin';

/** What Electron passes to will-navigate / will-frame-navigate / will-redirect listeners. */
export interface NavigationAttempt {
  readonly url: string;
  readonly isMainFrame?: boolean;
  preventDefault(): void;
}

/** The parts of Electron's WebContents the guard touches. */
export interface NavigationSource {
  on(event: 'will-navigate', listener: (attempt: NavigationAttempt) => void): unknown;
  on(event: 'will-frame-navigate', listener: (attempt: NavigationAttempt) => void): unknown;
  on(event: 'will-redirect', listener: (attempt: NavigationAttempt) => void): unknown;
}

const blankSubframeUrls = new Set(['about:blank', 'about:srcdoc']);

/** Main frames stay on `origin`; subframes may also be blank documents (no network, no other origin). */
export function isAllowedNavigation(attempt: { url: string; isMainFrame?: boolean }, origin: string): boolean {
  if (hasOrigin(attempt.url, origin)) return true;
  return attempt.isMainFrame === false && blankSubframeUrls.has(attempt.url);
}

/** Installs the three listeners; `onBlocked` hears every prevented URL (for the log). */
export function installNavigationGuard(contents: NavigationSource, origin: string, onBlocked: (url: string) => void = () => {}): void {
  const guard = (attempt: NavigationAttempt): void => {
    if (isAllowedNavigation(attempt, origin)) return;
    attempt.preventDefault();
    onBlocked(attempt.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
}
