// Background and foreground of the mini-app (docs/behaviour.md#app-life-background-and-foreground): the panel sends the
// app to the background and back; every mini-app client hears it (`my` runs onAppHide/onAppShow, a
// mini-program's logic its App and page hooks first). Sockets stay open unless the `backgroundCloseSeconds`
// setting is set: then the engine closes them with 1001 that long after the app went to the background.
// Each moment is a lifecycle entry of the engine, on the timeline and in the log.
import type { AppLifeState } from '../../shared/panel-wire';
import type { CaptureLog, Clock } from './ports';

/** Code and reason of the forced close; the reason names the wait. */
export const BACKGROUND_CLOSE_CODE = 1001;
export const backgroundCloseReason = (seconds: number): string => `the mini-app was in the background for ${seconds} s`;

/** A mini-app client as the app's life needs it (the panel's own client is not one). */
export interface AppLifeClient {
  notifyAppVisibility(visible: boolean): void;
  /** Closes every live socket of the client with `code` (the app gets onSocketClose); returns how many. */
  closeLiveSockets(code: number, reason: string, why: string): number;
}

export interface AppLifeHost {
  capture: CaptureLog;
  clock: Clock;
  backgroundCloseSeconds(): number | null;
  appClients(): AppLifeClient[];
  stateChanged(): void;
}

export interface AppLife {
  /** `reason` is logged with the moment ('panel', 'page load'). Repeats of the current state do nothing. */
  setVisible(visible: boolean, reason: string): void;
  /** A new mini-app page load is a cold start in the foreground: a hidden app comes back first. */
  clientAttached(): void;
  /** Re-arms the forced close after the setting changed while the app is in the background. */
  settingsChanged(): void;
  state(): AppLifeState;
  dispose(): void;
}

export function createAppLife(host: AppLifeHost): AppLife {
  let hiddenAt: number | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let closeAt: number | undefined;
  let closedInBackground = false;

  function log(name: string, detail: Record<string, string | number>): void {
    host.capture.append({ clientId: '', connectionId: '', kind: 'lifecycle', name, direction: 'none', size: 0, detail });
  }

  function disarm(): void {
    clearTimeout(closeTimer);
    closeTimer = undefined;
    closeAt = undefined;
  }

  function arm(): void {
    disarm();
    const seconds = host.backgroundCloseSeconds();
    if (hiddenAt === undefined || seconds === null || closedInBackground) return;
    closeAt = hiddenAt + seconds * 1000;
    closeTimer = setTimeout(() => closeSockets(seconds), Math.max(0, closeAt - host.clock.now()));
    closeTimer.unref?.();
  }

  function closeSockets(seconds: number): void {
    closeTimer = undefined;
    closeAt = undefined;
    closedInBackground = true;
    const reason = backgroundCloseReason(seconds);
    const closed = host.appClients().reduce((sum, client) => sum + client.closeLiveSockets(BACKGROUND_CLOSE_CODE, reason, 'the app was in the background'), 0);
    log('app-background-close', { seconds, sockets: closed, code: BACKGROUND_CLOSE_CODE, reason });
    host.stateChanged();
  }

  const life: AppLife = {
    setVisible(visible, reason) {
      if (visible === (hiddenAt === undefined)) return;
      const now = host.clock.now();
      if (visible) {
        const seconds = hiddenAt === undefined ? 0 : Math.round(now - hiddenAt) / 1000;
        hiddenAt = undefined;
        closedInBackground = false;
        disarm();
        log('app-foreground', { reason, backgroundSeconds: seconds });
      } else {
        hiddenAt = now;
        const closeSeconds = host.backgroundCloseSeconds();
        log('app-background', { reason, ...(closeSeconds === null ? { sockets: 'stay open' } : { closeAfterSeconds: closeSeconds }) });
        arm();
      }
      for (const client of host.appClients()) client.notifyAppVisibility(visible);
      host.stateChanged();
    },
    clientAttached() {
      life.setVisible(true, 'page load');
    },
    settingsChanged() {
      if (hiddenAt !== undefined) arm();
    },
    state() {
      return hiddenAt === undefined
        ? { visible: true }
        : { visible: false, hiddenAt, ...(closeAt !== undefined ? { closeAt } : {}), ...(closedInBackground ? { socketsClosed: true } : {}) };
    },
    dispose: disarm,
  };
  return life;
}
