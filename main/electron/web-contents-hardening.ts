// Applied to every webContents the app ever creates (app 'web-contents-created'), whoever owns it: no
// pop-ups, no <webview>, no WebRTC UDP outside a proxy (there is none, so none: docs/architecture.md#threat-model), and a catch-all that logs and rejects IPC on channels we never listen to
// (docs/architecture.md#our-own-windows, docs/architecture.md#the-mini-app-view, docs/architecture.md#messages-between-pages-and-main). Defence in depth, as Signal does.

/** The Electron event objects the hooks receive (only what they use). */
export interface PreventableEvent {
  preventDefault(): void;
}
export interface SyncIpcEvent {
  returnValue: unknown;
}

/** The parts of Electron's WebContents the hardening touches. */
export interface HardenableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  setWebRTCIPHandlingPolicy(policy: 'disable_non_proxied_udp'): void;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'ipc-message', listener: (event: unknown, channel: string) => void): unknown;
  on(event: 'ipc-message-sync', listener: (event: SyncIpcEvent, channel: string) => void): unknown;
}

/** Denies window.open and <webview>, and rejects IPC on any channel not in `knownChannels`. */
export function hardenWebContents(
  contents: HardenableContents,
  knownChannels: readonly string[],
  log: (message: string) => void,
): void {
  contents.setWindowOpenHandler((details) => {
    log(`blocked a new window for ${details.url}`);
    return { action: 'deny' };
  });
  contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
  contents.on('ipc-message', (_event, channel) => {
    if (!knownChannels.includes(channel)) log(`rejected IPC on unknown channel ${JSON.stringify(channel)}`);
  });
  contents.on('ipc-message-sync', (event, channel) => {
    // Nothing here answers synchronous IPC; without a return value the sender would block forever.
    event.returnValue = null;
    log(`rejected synchronous IPC on channel ${JSON.stringify(channel)}`);
  });
}
