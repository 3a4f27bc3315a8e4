// One line under the mini-app saying what its app.json set for sockets (docs/behaviour.md#a17-default-of-multiple-from-appjson, docs/behaviour.md#a22-which-connect-timeout-applies), so a developer
// sees why connectSocket returns a SocketTask without `multiple` or times out sooner than the setting.
// Shown only when the mini-app has an app.json (the engine reports it on the page's client).
import type { AppJsonSettings } from '../../shared/app-json';
import type { ClientInfo } from '../../shared/panel-wire';
import { usePanelStore } from '../store/panel-store';

/** The text of the note, e.g. "app.json: multiple by default, connect timeout 10 000 ms". */
export function describeAppJson(settings: AppJsonSettings): string {
  const parts: string[] = [];
  if (settings.connectSocketDefaultMultiple !== undefined) parts.push(settings.connectSocketDefaultMultiple ? 'multiple by default' : 'single mode by default');
  if (settings.connectTimeoutMs !== undefined) parts.push(`connect timeout ${groupThousands(settings.connectTimeoutMs)} ms`);
  return `app.json: ${parts.length > 0 ? parts.join(', ') : 'no socket settings (defaults apply)'}`;
}

/** 10000 → "10 000" (a no-break space, so the number never wraps). */
function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, '\u00a0');
}

/** The newest mini-app page's app.json settings (the panel's own client has none). */
function latestAppJson(clients: readonly ClientInfo[] | undefined): AppJsonSettings | undefined {
  if (clients === undefined) return undefined;
  for (let index = clients.length - 1; index >= 0; index -= 1) {
    const appJson = clients[index]?.appJson;
    if (appJson !== undefined) return appJson;
  }
  return undefined;
}

/** The note, or nothing when the mini-app has no app.json. */
export function AppJsonNote() {
  const appJson = usePanelStore((state) => latestAppJson(state.engineState?.clients));
  if (appJson === undefined) return null;
  return (
    <p className="app-json-note" data-testid="app-json-note" title="Read from the mini-app's app.json at start (behavior.connectSocketDefaultMultiple, networkTimeout.connectSocket). A call's own multiple or timeout wins.">
      {describeAppJson(appJson)}
    </p>
  );
}
