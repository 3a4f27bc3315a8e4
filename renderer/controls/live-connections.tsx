// Every connection the engine knows (the mini-app's and the panel's): id, client, state, chosen
// subprotocol and url, live ones first with a force-close button (panel controls always win); closed
// ones only on request, so a long session does not bury the live ones.
import { useState } from 'react';
import type { ConnectionInfo } from '../../shared/panel-wire';
import './controls.css';
import './connection-state.css';
import './live-connections.css';

export interface LiveConnectionsProps {
  connections: ConnectionInfo[];
  onForceClose(connectionId: string): void;
}

const isLive = (connection: ConnectionInfo) => connection.state !== 'CLOSED';

/** Renders the engine's connection list (see the module comment). */
export function LiveConnections({ connections, onForceClose }: LiveConnectionsProps) {
  const [showClosed, setShowClosed] = useState(false);
  const live = connections.filter(isLive);
  const closed = connections.filter((connection) => !isLive(connection));
  const shown = showClosed ? [...live, ...closed] : live;
  return (
    <div className="msd-live">
      {shown.length === 0 && <p className="msd-muted">No live connections.</p>}
      {shown.length > 0 && (
        <ul className="msd-live__list" aria-label="Connections">
          {shown.map((connection) => (
            <li key={connection.connectionId} className="msd-live__item">
              <div className="msd-live__line">
                <span className="msd-mono msd-live__id">{connection.connectionId}</span>
                <span className="msd-live__client">{connection.clientId}</span>
                <span className={`msd-state msd-state--${connection.state.toLowerCase()}`}>{connection.state}</span>
                {connection.closeCode !== undefined && <span className="msd-muted msd-mono">{connection.closeCode}</span>}
                {connection.protocol && <span className="msd-mono msd-live__protocol" title="chosen subprotocol">{connection.protocol}</span>}
                {(connection.state === 'OPEN' || connection.state === 'CONNECTING') && (
                  <button type="button" className="msd-button msd-button--small msd-live__close" onClick={() => onForceClose(connection.connectionId)} aria-label={`Force-close ${connection.connectionId}`}>
                    Force close
                  </button>
                )}
              </div>
              <div className="msd-live__url msd-mono" title={connection.url}>
                {connection.url}
              </div>
            </li>
          ))}
        </ul>
      )}
      {closed.length > 0 && (
        <button type="button" className="msd-link-button" aria-pressed={showClosed} onClick={() => setShowClosed(!showClosed)}>
          {showClosed ? 'Hide' : 'Show'} {closed.length} closed
        </button>
      )}
    </div>
  );
}
