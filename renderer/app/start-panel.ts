// Wires the panel to its engine at start-up: picks the link, applies the capture stream to the live
// ring, routes `state` into the store, subscribes, and installs the e2e hook when asked to.
import { usePreviewStore } from '../store/preview-store';
import { createBatchApplier } from '../capture/batch-applier';
import { isShowingLive, liveRing } from '../capture/entry-ring';
import { entryRing } from '../capture/entry-ring';
import { installTestHook } from '../capture/test-hook';
import { usePanelStore } from '../store/panel-store';
import { usePreferencesStore } from '../store/preferences-store';
import { connectPanelTransport, type ConnectedLink } from '../transport/connect-panel-transport';
import { createRequestReplier } from '../transport/request-reply';
import { syncPreferences } from './preferences-sync';

/** Connects and subscribes; returns the link (undefined when the page has none) and a stop function. */
export function startPanel(win: Window = window): { connected: ConnectedLink | undefined; stop: () => void } {
  const store = usePanelStore.getState();
  const connected = connectPanelTransport(win);
  if (!connected) {
    store.setLink('closed');
    store.setNotice('This page has no link to the engine. Open it through the app (mini-socket-devtools) or add ?bridge=ws://… to the URL.');
    return { connected, stop: () => undefined };
  }
  const { link } = connected;
  const replier = createRequestReplier(link);
  const applier = createBatchApplier({
    ring: liveRing,
    transport: link,
    onFrame: (stats) => usePanelStore.getState().applied(stats),
    onCleared: () => {
      if (isShowingLive()) usePanelStore.getState().select(null);
    },
  });
  const stopMessages = link.onMessage((message) => {
    if (applier.handle(message)) return;
    if (message.kind === 'state') usePanelStore.getState().setEngineState(message.state);
    if (message.kind === 'preferences') usePreferencesStore.getState().receive(message.preferences);
    if (message.kind === 'preview') usePreviewStore.getState().receive(message.preview);
    if (usePanelStore.getState().link !== 'open') usePanelStore.getState().setLink('open');
  });
  const stopStatus = link.onStatus((status, detail) => {
    usePanelStore.getState().setLink(status);
    if (status === 'closed') usePanelStore.getState().setNotice(`Disconnected from the engine: ${detail}. Reload the page once the app runs again.`);
  });
  const stopPreferences = syncPreferences(link);
  store.setTransport(link, replier);
  store.setLink(link.status());
  installTestHook(win, applier, entryRing, () => usePanelStore.getState().version);
  link.send({ kind: 'subscribe' });
  return {
    connected,
    stop() {
      stopMessages();
      stopStatus();
      stopPreferences();
      replier.dispose();
      link.close();
    },
  };
}
