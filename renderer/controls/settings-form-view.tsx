// The session settings form: client profile (docs/behaviour.md#client-profiles), single-mode policy, incoming binary (base64 or ArrayBuffer), strict wss,
// ignore certificate errors (clearly marked as not faithful to phones), max incoming message size, connect
// timeout and the domain allowlist. Choices apply at once; text fields apply on Enter or when leaving the
// field, once valid. The engine's state stays the truth.
import { useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { PROFILES, profileError } from '../../shared/client-profiles';
import type { EngineSettings, SettingsPatch } from '../../shared/settings';
import { DomainAllowlistField } from '../parity/domain-allowlist-field';
import type { Parsed } from './parse-inputs';
import '../timeline/timeline-theme.css';
import './controls.css';
import './settings-form.css';
import { formatByteSize, parseByteSize, parseOptionalInteger } from './parse-inputs';
import { DEFAULT_PHONE_PROFILE, PHONE_PROFILES, PHONE_PROFILE_IDS, type PhoneProfileId } from '../../shared/phone-profiles';

export interface SettingsFormViewProps {
  settings: EngineSettings;
  onChange(patch: SettingsPatch): void;
  /** More fields, drawn after the my.request choice (the login and payment stand-ins). */
  children?: ReactNode;
}

/** Renders the settings (see the module comment). */
export function SettingsFormView({ settings, onChange, children }: SettingsFormViewProps) {
  return (
    <form className="msd-form msd-settings" aria-label="Session settings" onSubmit={(event) => event.preventDefault()}>
      <label className="msd-field">
        <span className="msd-field__label">Client profile (error codes and rules)</span>
        <select value={settings.clientProfile} onChange={(event) => onChange({ clientProfile: event.target.value === 'alipay-cn' ? 'alipay-cn' : 'alipay-plus' })}>
          {[...PROFILES.values()].map((profile) => (
            <option key={profile.name} value={profile.name}>
              {profile.name}: {profile.label}
            </option>
          ))}
        </select>
      </label>
      <label className="msd-field">
        <span className="msd-field__label">Second connectSocket in single mode</span>
        <select value={settings.singleModePolicy} onChange={(event) => onChange({ singleModePolicy: event.target.value === 'reject' ? 'reject' : 'replace' })}>
          <option value="replace">replace the live connection (seed docs)</option>
          <option value="reject">fail with error {profileError(settings.clientProfile, 2).code} (like current phones)</option>
        </select>
      </label>
      <label className="msd-field">
        <span className="msd-field__label">Incoming binary</span>
        <select value={settings.incomingBinary} onChange={(event) => onChange({ incomingBinary: event.target.value === 'arraybuffer' ? 'arraybuffer' : 'base64' })}>
          <option value="base64">base64 string (docs, most clients)</option>
          <option value="arraybuffer">ArrayBuffer (mini-game ≥ 10.5.16)</option>
        </select>
      </label>
      <label className="msd-field">
        <span className="msd-field__label">Phone (my.getSystemInfo, pages loaded from now on)</span>
        <select value={settings.phoneProfile} onChange={(event) => onChange({ phoneProfile: phoneProfileOf(event.target.value) })}>
          {PHONE_PROFILE_IDS.map((id) => (
            <option key={id} value={id}>
              {PHONE_PROFILES[id].label}
            </option>
          ))}
        </select>
      </label>
      <label className="msd-check">
        <input type="checkbox" checked={settings.httpErrorStatusFails} onChange={(event) => onChange({ httpErrorStatusFails: event.target.checked })} />
        <span>my.request: HTTP status ≥ 400 fails with 19 (the docs)</span>
      </label>
      {children}
      <label className="msd-check">
        <input type="checkbox" checked={settings.strictWss} onChange={(event) => onChange({ strictWss: event.target.checked })} />
        <span>Strict wss: ws:// URLs fail with {profileError(settings.clientProfile, 'wss-required').code}, as in release builds</span>
      </label>
      <label className="msd-check msd-check--risky">
        <input type="checkbox" checked={settings.ignoreCertificateErrors} onChange={(event) => onChange({ ignoreCertificateErrors: event.target.checked })} />
        <span>
          Ignore certificate errors <strong className="msd-tag msd-tag--warn">not faithful to phones</strong>
        </span>
      </label>
      <CommittedField
        label="Max incoming message size"
        hint="larger messages fail with 12"
        value={formatByteSize(settings.maxIncomingMessageBytes)}
        parse={(text) => parseByteSize(text, 'Max incoming message size', 1, 1024 ** 3)}
        onCommit={(bytes) => onChange({ maxIncomingMessageBytes: bytes })}
      />
      <CommittedField
        label="Connect timeout (ms)"
        hint="when connectSocket gives no timeout; error 6"
        value={String(settings.connectTimeoutMs)}
        parse={(text) => {
          const parsed = parseOptionalInteger(text, 'Connect timeout', 1, 120000);
          if (!parsed.ok) return parsed;
          return parsed.value === undefined ? { ok: false, error: 'Connect timeout is required' } : { ok: true, value: parsed.value };
        }}
        onCommit={(ms) => onChange({ connectTimeoutMs: ms })}
      />
      <DomainAllowlistField value={settings.domainAllowlist} onCommit={(text) => onChange({ domainAllowlist: text })} />
    </form>
  );
}

interface CommittedFieldProps<T> {
  label: string;
  hint: string;
  value: string;
  /** The keyboard a touch screen shows; numeric unless given. */
  inputMode?: 'numeric' | 'text';
  parse(text: string): Parsed<T>;
  onCommit(value: T): void;
}

// A text field holding a draft while focused; commits valid drafts, shows why an invalid one is refused.
export function CommittedField<T>({ label, hint, value, inputMode = 'numeric', parse, onCommit }: CommittedFieldProps<T>) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const parsed = parse(draft);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setDraft(null);
    onCommit(parsed.value);
  };
  return (
    <label className="msd-field">
      <span className="msd-field__label">
        {label} <span className="msd-muted">({hint})</span>
      </span>
      <input
        type="text"
        inputMode={inputMode}
        value={draft ?? value}
        aria-invalid={error !== null}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') {
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error && <span className="msd-field__error" role="alert">{error}</span>}
    </label>
  );
}

function phoneProfileOf(value: string): PhoneProfileId {
  return PHONE_PROFILE_IDS.find((id) => id === value) ?? DEFAULT_PHONE_PROFILE;
}
