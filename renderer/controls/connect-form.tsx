// The connectSocket form: url (with the lab's endpoints as suggestions), data, header, protocols,
// multiple and timeout. Parsing mistakes are shown inline; a wrong url is sent so the engine answers it.
import { useId, useState } from 'react';
import type { LabEndpoint } from '../../shared/panel-wire';
import type { ConnectFormFields } from './connect-form-model';
import { EMPTY_CONNECT_FORM, parseConnectForm } from './connect-form-model';
import type { ConnectRequest } from './panel-sockets';
import { FormError } from './form-error';

export interface ConnectFormProps {
  lab: LabEndpoint[];
  onConnect(request: ConnectRequest): void;
}

/** Renders the connect form (see the module comment). */
export function ConnectForm({ lab, onConnect }: ConnectFormProps) {
  const [fields, setFields] = useState<ConnectFormFields>(() => ({ ...EMPTY_CONNECT_FORM, url: lab.find((e) => e.reproduces === undefined)?.url ?? '' }));
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const set = (change: Partial<ConnectFormFields>) => setFields((current) => ({ ...current, ...change }));
  const text = (key: 'url' | 'data' | 'header' | 'protocols' | 'timeout') => ({
    value: fields[key],
    onChange: (event: { target: { value: string } }) => set({ [key]: event.target.value }),
  });

  return (
    <form
      className="msd-form msd-connect"
      aria-label="connectSocket"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseConnectForm(fields);
        if (!parsed.ok) {
          setError(parsed.error);
          return;
        }
        setError(null);
        onConnect(parsed.value);
      }}
    >
      <label className="msd-field">
        <span className="msd-field__label">url</span>
        <input type="text" list={listId} placeholder="wss://example.com/socket" spellCheck={false} {...text('url')} />
        <datalist id={listId}>
          {lab.filter((endpoint) => /^wss?:/.test(endpoint.url)).map((endpoint) => (
            <option key={endpoint.url} value={endpoint.url}>
              {endpoint.name}
              {endpoint.reproduces !== undefined ? ` (error ${endpoint.reproduces})` : ''} — {endpoint.description}
            </option>
          ))}
        </datalist>
      </label>
      <div className="msd-row">
        <label className="msd-field">
          <span className="msd-field__label">data (JSON object)</span>
          <input type="text" placeholder='{"room": "a"}' spellCheck={false} {...text('data')} />
        </label>
        <label className="msd-field">
          <span className="msd-field__label">header (JSON object)</span>
          <input type="text" placeholder='{"x-token": "abc"}' spellCheck={false} {...text('header')} />
        </label>
      </div>
      <div className="msd-row">
        <label className="msd-field">
          <span className="msd-field__label">protocols (comma list)</span>
          <input type="text" placeholder="mqtt, json" spellCheck={false} {...text('protocols')} />
        </label>
        <label className="msd-field msd-field--narrow">
          <span className="msd-field__label">timeout (ms)</span>
          <input type="text" inputMode="numeric" placeholder="30000" {...text('timeout')} />
        </label>
      </div>
      <div className="msd-row msd-row--actions">
        <label className="msd-check">
          <input type="checkbox" checked={fields.multiple} onChange={(event) => set({ multiple: event.target.checked })} />
          <span>multiple (SocketTask)</span>
        </label>
        <button type="submit" className="msd-button msd-button--primary">
          Connect
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
