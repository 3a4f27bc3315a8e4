// Every live connection the engine knows (the mini-app's and the panel's): id, client, url, state and
// chosen subprotocol, each with a force-close button (panel controls always win).
import type { ConnectionInfo } from '../../shared/panel-wire';

export interface LiveConnectionsProps {
  connections: ConnectionInfo[];
  onForceClose(connectionId: string): void;
}

/** Renders the engine's connection table (see the module comment). */
export function LiveConnections({ connections, onForceClose }: LiveConnectionsProps) {
  if (connections.length === 0) return <p className="msd-muted">No connections.</p>;
  return (
    <table className="msd-table msd-live">
      <thead>
        <tr>
          <th scope="col">id</th>
          <th scope="col">client</th>
          <th scope="col">url</th>
          <th scope="col">state</th>
          <th scope="col">protocol</th>
          <th scope="col">
            <span className="msd-visually-hidden">actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {connections.map((connection) => (
          <tr key={connection.connectionId}>
            <td className="msd-mono">{connection.connectionId}</td>
            <td>{connection.clientId}</td>
            <td className="msd-live__url msd-mono" title={connection.url}>
              {connection.url}
            </td>
            <td>
              <span className={`msd-state msd-state--${connection.state.toLowerCase()}`}>{connection.state}</span>
              {connection.closeCode !== undefined && <span className="msd-muted"> {connection.closeCode}</span>}
            </td>
            <td className="msd-mono">{connection.protocol || '—'}</td>
            <td>
              {(connection.state === 'OPEN' || connection.state === 'CONNECTING') && (
                <button type="button" className="msd-button msd-button--small" onClick={() => onForceClose(connection.connectionId)} aria-label={`Force-close ${connection.connectionId}`}>
                  Force close
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
