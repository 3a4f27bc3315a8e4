// The map-remote rules (docs/debugging.md#map-remote): `from → to`, on/off; every change sends the whole list.
// The new rule's two URL fields are stacked, each the section's width, so their placeholders read whole
// (docs/behaviour.md#panel-layout).
import { useState } from 'react';
import type { MapRemoteRule } from '../../shared/debugging/map-remote';
import { mapRemoteRuleProblem } from '../../shared/debugging/map-remote';
import { freshId } from './debug-commands';

export interface MapRemoteEditorProps {
  rules: readonly MapRemoteRule[];
  onChange(rules: MapRemoteRule[]): void;
}

export function MapRemoteEditor({ rules, onChange }: MapRemoteEditorProps) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const problem = from === '' && to === '' ? undefined : mapRemoteRuleProblem({ from, to });
  const add = () => {
    if (problem || from === '') return;
    onChange([...rules, { id: freshId('map', rules), enabled: true, from, to }]);
    setFrom('');
    setTo('');
  };
  return (
    <div className="debug-rules" aria-label="map remote rules">
      {rules.length === 0 && <p className="msd-muted">No mappings. A rule dials another server when the app connects to a URL.</p>}
      {rules.map((rule, index) => (
        <div className="debug-rule map-rule" key={rule.id} data-rule={rule.id}>
          <input type="checkbox" aria-label={`enable ${rule.id}`} checked={rule.enabled} onChange={(event) => onChange(rules.map((other, at) => (at === index ? { ...other, enabled: event.target.checked } : other)))} />
          <span className="mono map-url">{rule.from}</span>
          <span>→</span>
          <span className="mono map-url">{rule.to}</span>
          <button type="button" aria-label={`remove ${rule.id}`} onClick={() => onChange(rules.filter((_, at) => at !== index))}>
            ✕
          </button>
        </div>
      ))}
      <div className="map-rule-new">
        <span className="msd-muted">from</span>
        <input aria-label="map from" className="mono" placeholder="wss://api.example.com/chat" value={from} onChange={(event) => setFrom(event.target.value)} />
        <span className="msd-muted">→ to</span>
        <input aria-label="map to" className="mono" placeholder="ws://127.0.0.1:9000/echo" value={to} onChange={(event) => setTo(event.target.value)} />
        <button type="button" disabled={from === '' || problem !== undefined} onClick={add}>
          Add
        </button>
      </div>
      {problem && <p className="debug-problem">{problem}</p>}
    </div>
  );
}
