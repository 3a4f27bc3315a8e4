// Shown while an imported file replaces the live log: which file, what the import had to say, and the
// way back (the live capture kept running underneath).
import { useState } from 'react';
import { entryRing } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import './import-banner.css';

/** The banner (nothing while the live capture is shown). */
export function ImportBanner() {
  const warnings = usePanelStore((state) => state.importNotes);
  const source = usePanelStore((state) => state.source);
  const backToLive = usePanelStore((state) => state.backToLive);
  const [showWarnings, setShowWarnings] = useState(false);
  if (source === 'live') return null;
  return (
    <div className="import-banner" role="status">
      <span className="import-label">Offline view</span>
      <span className="import-name" title={source.importedFrom}>
        {source.importedFrom}
      </span>
      <span className="muted">{entryRing.size().toLocaleString('en-US')} entries — the live capture continues in the background.</span>
      {warnings.length > 0 && (
        <button type="button" className="link-button" onClick={() => setShowWarnings(!showWarnings)}>
          {warnings.length} import note{warnings.length === 1 ? '' : 's'}
        </button>
      )}
      <button type="button" className="primary" onClick={backToLive}>
        Back to live
      </button>
      {showWarnings && (
        <ul className="import-warnings">
          {warnings.slice(0, 50).map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
