// Sends text, JSON (validated) or binary (base64 or hex, sent as base64 + isBuffer) on one of the panel's
// connections, and closes it with a code and a reason (the reason's UTF-8 byte count is shown live).
import { useState } from 'react';
import type { PanelConnectionView } from './panel-sockets';
import type { ComposerMode, OutgoingMessage } from './parse-inputs';
import { buildOutgoingMessage, parseOptionalInteger, utf8ByteLength } from './parse-inputs';
import { COMPOSER_MODES, PayloadText, SegmentedChoice } from './composer-fields';
import { FormError } from './form-error';

export interface MessageComposerProps {
  connections: PanelConnectionView[];
  onSend(key: string, message: OutgoingMessage): void;
  onClose(key: string, code: number | undefined, reason: string): void;
}

/** Renders the composer and the close row (see the module comment). */
export function MessageComposer({ connections, onSend, onClose }: MessageComposerProps) {
  const [mode, setMode] = useState<ComposerMode>('text');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const target = connections.find((view) => view.key === chosen) ?? connections.find((view) => view.state === 'open') ?? connections[0];
  const reasonBytes = utf8ByteLength(reason);

  if (!target) return <p className="msd-muted msd-composer__empty">Connect first: sending and closing act on the panel's own connections.</p>;

  const send = () => {
    const built = buildOutgoingMessage(mode, text);
    if (!built.ok) {
      setError(built.error);
      return;
    }
    setError(null);
    onSend(target.key, built.value);
  };
  const close = () => {
    const parsed = parseOptionalInteger(code, 'close code', 0, 65535);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    onClose(target.key, parsed.value, reason);
  };

  return (
    <div className="msd-form msd-composer" aria-label="Send and close">
      <div className="msd-row">
        <label className="msd-field">
          <span className="msd-field__label">on</span>
          <select value={target.key} onChange={(event) => setChosen(event.target.value)}>
            {connections.map((view) => (
              <option key={view.key} value={view.key}>
                {view.key === 'single' ? 'single-mode socket' : view.key} · {view.state} · {view.url || '(no url)'}
              </option>
            ))}
          </select>
        </label>
        <SegmentedChoice<ComposerMode> label="Message type" options={COMPOSER_MODES} value={mode} onChange={setMode} />
      </div>
      <PayloadText
        label="Message"
        rows={3}
        mode={mode}
        text={text}
        onChange={setText}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
        }}
      />
      <div className="msd-row msd-row--actions">
        <span className="msd-muted">{mode === 'base64' || mode === 'hex' ? 'sent as base64 with isBuffer: true' : 'Ctrl+Enter sends'}</span>
        <button type="button" className="msd-button msd-button--primary" onClick={send}>
          Send
        </button>
      </div>
      <div className="msd-row msd-row--actions">
        <label className="msd-field msd-field--narrow">
          <span className="msd-field__label">close code</span>
          <input type="text" inputMode="numeric" placeholder="1000" value={code} onChange={(event) => setCode(event.target.value)} />
        </label>
        <label className="msd-field">
          <span className="msd-field__label">
            reason <span className={reasonBytes > 123 ? 'msd-field__error' : 'msd-muted'}>({reasonBytes}/123 bytes)</span>
          </span>
          <input type="text" value={reason} onChange={(event) => setReason(event.target.value)} />
        </label>
        <button type="button" className="msd-button" onClick={close}>
          Close
        </button>
      </div>
      <FormError message={error} />
    </div>
  );
}
