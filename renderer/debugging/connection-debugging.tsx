// The inspector's debugging section for one connection (docs/debugging.md): its held frames, the URL really
// dialled when map remote rewrote it, its own network conditions, a breakpoint on it, and "map to a replay
// of this conversation" (a replay endpoint plus a map-remote rule from its URL to the replay).
import { useState } from 'react';
import type { NetworkConditions } from '../../shared/debugging/network-conditions';
import { entryRing } from '../capture/entry-ring';
import { startReplay } from '../replay/replay-actions';
import { replaySourceFor } from '../replay/replay-sources';
import { usePanelStore } from '../store/panel-store';
import { useDebugging } from './debugging-drafts';
import { newBreakpoint, replayMapping, sendDebug } from './debug-commands';
import { NetworkConditionsEditor } from './network-conditions-editor';
import { PausedFrames } from './paused-frames';

export function ConnectionDebugging({ connectionId, url }: { connectionId: string; url: string }) {
  const transport = usePanelStore((state) => state.transport);
  const replier = usePanelStore((state) => state.replier);
  const source = usePanelStore((state) => state.source);
  const live = usePanelStore((state) => state.engineState?.connections.find((info) => info.connectionId === connectionId));
  const debugging = useDebugging();
  const [mapping, setMapping] = useState('');
  if (!transport) return null;

  const setOwn = (conditions: NetworkConditions | null) => {
    const perConnection = { ...debugging.network.perConnection };
    if (conditions) perConnection[connectionId] = conditions;
    else delete perConnection[connectionId];
    sendDebug(transport, { op: 'set-network', conditions: { ...debugging.network, perConnection } });
  };
  const mapToReplay = () => {
    const built = replaySourceFor(connectionId, source, entryRing);
    if (!replier || !built.ok) return setMapping(built.ok ? 'Not connected to the engine.' : built.error);
    setMapping('Starting the replay…');
    startReplay(replier, built.source, { speed: 1, matchSent: false }).then(
      (endpoint) => {
        const rule = replayMapping(debugging.mapRemote, url, endpoint.url);
        sendDebug(transport, { op: 'set-map-remote', rules: [...debugging.mapRemote, rule] });
        setMapping(`The next connect to ${rule.from} dials the replay ${endpoint.url}.`);
      },
      (error: unknown) => setMapping(`Could not start the replay: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  return (
    <section className="inspector-section connection-debugging" aria-label="debugging this connection">
      <h3>Debugging</h3>
      <PausedFrames connectionId={connectionId} />
      {live?.dialedUrl && (
        <p className="mapped-url">
          Mapped: the app asked for <span className="mono">{live.url}</span>, the engine dialled <span className="mono">{live.dialedUrl}</span>.
        </p>
      )}
      <NetworkConditionsEditor label={`Network for ${connectionId}`} conditions={debugging.network.perConnection[connectionId] ?? null} onChange={setOwn} />
      <div className="debug-actions">
        <button type="button" onClick={() => sendDebug(transport, { op: 'set-breakpoints', rules: [...debugging.breakpoints, newBreakpoint(debugging.breakpoints, { connection: connectionId, enabled: true })] })}>
          Break on {connectionId}
        </button>
        {url && (
          <button type="button" onClick={mapToReplay}>
            Map to a replay of this conversation
          </button>
        )}
      </div>
      {mapping && <p className="msd-muted">{mapping}</p>}
    </section>
  );
}
