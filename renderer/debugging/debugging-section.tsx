// The panel's debugging area (docs/debugging.md): breakpoint rules, map remote and network conditions for all
// connections, bound to the engine's debugging state.
import type { NetworkConditions } from '../../shared/debugging/network-conditions';
import { usePanelStore } from '../store/panel-store';
import { BreakpointsEditor } from './breakpoints-editor';
import { useDebugging } from './debugging-drafts';
import { newBreakpoint, sendDebug } from './debug-commands';
import { MapRemoteEditor } from './map-remote-editor';
import { NetworkConditionsEditor } from './network-conditions-editor';
import './debugging.css';

export function DebuggingSection() {
  const transport = usePanelStore((state) => state.transport);
  const debugging = useDebugging();
  if (!transport) return <p className="msd-muted">Debugging appears once the engine is connected.</p>;
  const setAll = (all: NetworkConditions | null) => sendDebug(transport, { op: 'set-network', conditions: { ...debugging.network, all } });
  return (
    <div className="debugging" aria-label="debugging">
      <h4>Network</h4>
      <NetworkConditionsEditor label="All connections" conditions={debugging.network.all} onChange={setAll} />
      <h4>Breakpoints</h4>
      <BreakpointsEditor
        rules={debugging.breakpoints}
        onChange={(rules) => sendDebug(transport, { op: 'set-breakpoints', rules })}
        onAdd={() => sendDebug(transport, { op: 'set-breakpoints', rules: [...debugging.breakpoints, newBreakpoint(debugging.breakpoints, { enabled: false })] })}
      />
      <h4>Map remote</h4>
      <MapRemoteEditor rules={debugging.mapRemote} onChange={(rules) => sendDebug(transport, { op: 'set-map-remote', rules })} />
    </div>
  );
}
