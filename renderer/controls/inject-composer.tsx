// Injects a frame into any OPEN connection the engine knows, the mini-app's included
// (docs/behaviour.md#frame-injection): "to the app" as if the server had sent it, "to the server" as if
// the app had. The payload is typed as in the message composer (text, JSON, base64, hex).
import { useState } from 'react';
import type { ConnectionInfo } from '../../shared/panel-wire';
import { COMPOSER_MODES, PayloadText, SegmentedChoice } from './composer-fields';
import type { ComposerMode } from './parse-inputs';
import { buildOutgoingMessage } from './parse-inputs';
import { FormError } from './form-error';

export interface InjectRequestView {
  connectionId: string;
  direction: 'in' | 'out';
  payload: string;
  binary: boolean;
}

export interface InjectComposerProps {
  connections: ConnectionInfo[];
  onInject(request: InjectRequestView): void;
}

const DIRECTIONS: { value: 'in' | 'out'; label: string }[] = [
  { value: 'in', label: 'to the app' },
  { value: 'out', label: 'to the server' },
];

/** Renders the inject row (see the module comment). */
export function InjectComposer({ connections, onInject }: InjectComposerProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [mode, setMode] = useState<ComposerMode>('text');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = connections.filter((connection) => connection.state === 'OPEN');
  const target = open.find((connection) => connection.connectionId === chosen) ?? open[0];
  if (!target) return null;

  const inject = () => {
    const built = buildOutgoingMessage(mode, text);
    if (!built.ok) {
      setError(built.error);
      return;
    }
    setError(null);
    onInject({ connectionId: target.connectionId, direction, payload: built.value.data, binary: built.value.isBuffer });
  };

  return (
    <div className="msd-form msd-composer" aria-label="Inject a frame">
      <div className="msd-row">
        <label className="msd-field">
          <span className="msd-field__label">inject into</span>
          <select value={target.connectionId} onChange={(event) => setChosen(event.target.value)}>
            {open.map((connection) => (
              <option key={connection.connectionId} value={connection.connectionId}>
                {connection.connectionId} · {connection.clientId} · {connection.url}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="msd-row">
        <SegmentedChoice<'in' | 'out'> label="Direction" options={DIRECTIONS} value={direction} onChange={setDirection} />
      </div>
      <div className="msd-row">
        <SegmentedChoice<ComposerMode> label="Injected message type" options={COMPOSER_MODES} value={mode} onChange={setMode} />
      </div>
      <PayloadText label="Injected message" rows={2} mode={mode} text={text} onChange={setText} />
      <div className="msd-row msd-row--actions">
        <span className="msd-muted">{direction === 'in' ? 'delivered to the app as if the server had sent it' : 'sent to the server as if the app had'}</span>
        <button type="button" className="msd-button msd-button--primary" onClick={inject}>
          Inject
        </button>
      </div>
      <FormError message={error} />
    </div>
  );
}
