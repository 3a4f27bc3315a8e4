// A small "Copy" button that says "Copied" (or "Copy failed") for a moment after a click.
import { useEffect, useState } from 'react';
import { copyText } from './copy-text';

/** Copies what `text()` returns when clicked. */
export function CopyButton({ label, text }: { label: string; text: () => string }) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (outcome === 'idle') return undefined;
    const timer = setTimeout(() => setOutcome('idle'), 1500);
    return () => clearTimeout(timer);
  }, [outcome]);
  return (
    <button type="button" className="copy-button" onClick={() => void copyText(text()).then((ok) => setOutcome(ok ? 'copied' : 'failed'))}>
      {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
