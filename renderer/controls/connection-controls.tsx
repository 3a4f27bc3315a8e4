// The connection controls: connect, the panel's own connections with send and close, the results of the
// panel's calls, one-click error reproduction and every live connection with force-close and frame injection. All socket
// work goes through the panel's `my` over the panel link, the same path the mini-app uses.
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { EngineState, PanelTransport } from '../../shared/panel-wire';
import { usePanelStore } from '../store/panel-store';
import '../timeline/timeline-theme.css';
import './controls.css';
import './connection-state.css';
import './connection-controls.css';
import { CallOutcomes } from './call-outcomes';
import { ConnectForm } from './connect-form';
import { InjectComposer } from './inject-composer';
import { LiveConnections } from './live-connections';
import { MessageComposer } from './message-composer';
import { panelSocketsFor } from './panel-controls-session';
import type { PanelConnectionView, PanelSockets } from './panel-sockets';
import { ReproduceButtons } from './reproduce-buttons';
import { reproductionRecipes } from './reproduce-error';

/** The controls, connected to the store's transport and engine state. */
export function ConnectionControls() {
  const transport = usePanelStore((state) => state.transport);
  const engineState = usePanelStore((state) => state.engineState);
  if (!transport) return <p className="msd-controls msd-muted">Not connected to the engine yet.</p>;
  return <ConnectedControls transport={transport} engineState={engineState} />;
}

function ConnectedControls({ transport, engineState }: { transport: PanelTransport; engineState: EngineState | null }) {
  const sockets = useMemo(() => panelSocketsFor(transport), [transport]);
  const connections = useStore(sockets.store, (state) => state.connections);
  const outcomes = useStore(sockets.store, (state) => state.outcomes);
  const lab = useMemo(() => engineState?.lab ?? [], [engineState]);
  const recipes = useMemo(
    () =>
      engineState
        ? reproductionRecipes({ sockets, lab, settings: engineState.settings, updateSettings: (patch) => transport.send({ kind: 'settings', patch }) })
        : [],
    [engineState, lab, sockets, transport],
  );

  return (
    <div className="msd-controls">
      <details open className="msd-controls__section">
        <summary>Connect</summary>
        <ConnectForm key={lab.length} lab={lab} onConnect={(request) => {
            sockets.connect(request);
          }} />
      </details>
      <details open className="msd-controls__section">
        <summary>Send and close</summary>
        <PanelConnectionList connections={connections} sockets={sockets} />
        <MessageComposer
          connections={connections}
          onSend={(key, message) => void sockets.send(key, message)}
          onClose={(key, code, reason) => void sockets.close(key, code, reason)}
        />
        <CallOutcomes outcomes={outcomes} />
      </details>
      <details open className="msd-controls__section">
        <summary>Reproduce an error</summary>
        {recipes.length > 0 ? <ReproduceButtons recipes={recipes} /> : <p className="msd-muted">Waiting for the engine…</p>}
      </details>
      <details open className="msd-controls__section">
        <summary>All connections</summary>
        <LiveConnections
          connections={engineState?.connections ?? []}
          onForceClose={(connectionId) => transport.send({ kind: 'force-close', connectionId, code: 1000, reason: 'closed from the devtools panel' })}
        />
        <InjectComposer connections={engineState?.connections ?? []} onInject={(request) => transport.send({ kind: 'inject', ...request })} />
      </details>
    </div>
  );
}

function PanelConnectionList({ connections, sockets }: { connections: PanelConnectionView[]; sockets: PanelSockets }) {
  if (connections.length === 0) return null;
  return (
    <ul className="msd-panel-connections" aria-label="The panel's connections">
      {connections.map((view) => (
        <li key={view.key} className="msd-panel-connection">
          <span className="msd-mono msd-panel-connection__key">{view.key === 'single' ? 'single' : view.key}</span>
          <span className={`msd-state msd-state--${view.state}`}>{view.state}</span>
          <span className="msd-mono msd-panel-connection__url" title={view.url}>
            {view.url || '(no url)'}
          </span>
          <span className="msd-muted msd-panel-connection__count">{view.received} in</span>
          {view.lastError && <span className="msd-code-badge" title={view.lastError.errorMessage}>{view.lastError.error}</span>}
          {(view.state === 'closed' || view.state === 'failed') && (
            <button type="button" className="msd-button msd-button--small" onClick={() => sockets.dismiss(view.key)} aria-label={`Remove ${view.key} from the list`}>
              ✕
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
