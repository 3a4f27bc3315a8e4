// The keyboard help (`?`): every shortcut, closed by Escape, the close button or a click outside.
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';
import './help-overlay.css';

export function HelpOverlay({ onClose }: { onClose(): void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  return (
    <div className="help-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="help-overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts">
        <header>
          <h2>Keyboard shortcuts</h2>
          <button ref={closeButton} type="button" onClick={onClose} aria-label="Close the shortcuts">
            ✕
          </button>
        </header>
        <dl>
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.keys}>
              <dt>
                <kbd>{shortcut.keys}</kbd>
              </dt>
              <dd>{shortcut.does}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">Right-click a row for its menu. Drag the lines between areas to resize them; ‹ › fold the mini-app and the inspector.</p>
      </div>
    </div>
  );
}
