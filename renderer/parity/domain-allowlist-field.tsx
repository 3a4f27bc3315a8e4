// The settings field for the server domain allowlist the release-parity verdict checks hosts against. It
// keeps a draft while focused and applies it when the field is left (or on Ctrl/⌘+Enter); Escape drops it.
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { parseDomainAllowlist } from '../../shared/domain-allowlist';
import './parity.css';

const MAX_CHARS = 10_000;

/** `value` is the setting's text; `onCommit` gets the new text. */
export function DomainAllowlistField({ value, onCommit }: { value: string; onCommit(text: string): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const count = parseDomainAllowlist(shown).length;
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    if (draft !== value) onCommit(draft.slice(0, MAX_CHARS));
  };
  return (
    <label className="msd-field">
      <span className="msd-field__label">
        Domain allowlist{' '}
        <span className="msd-muted">(socket domains of the mini program, for the release-parity verdict; {count === 0 ? 'empty = not configured' : `${count} listed`})</span>
      </span>
      <textarea
        className="parity-allowlist"
        rows={2}
        value={shown}
        maxLength={MAX_CHARS}
        placeholder="chat.example.com, push.example.com:8443"
        spellCheck={false}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) commit();
          if (event.key === 'Escape') setDraft(null);
        }}
      />
    </label>
  );
}
