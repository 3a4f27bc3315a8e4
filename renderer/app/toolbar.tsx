// The top bar: link status, pause/resume, clear, export (HAR, JSONL) and import, plus the capture counts.
import { useRef, useState } from 'react';
import { entryRing } from '../capture/entry-ring';
import { captureFileName, downloadText } from '../export/download-file';
import { EXPORT_MIME, exportLive, exportShown, type ExportFormat } from '../export/export-capture';
import { parseCaptureFile } from '../export/import-capture';
import { usePanelStore } from '../store/panel-store';
import { ResetLayoutButton } from './reset-layout-button';
import { ThemeSelect } from './theme-select';
import './toolbar.css';

const LINK_TEXT = { connecting: 'Connecting…', open: 'Live', closed: 'Disconnected' } as const;

/** The toolbar bound to the store; `onHelp` opens the keyboard shortcuts. */
export function Toolbar({ onHelp }: { onHelp?: () => void }) {
  const link = usePanelStore((state) => state.link);
  const paused = usePanelStore((state) => state.paused);
  const setPaused = usePanelStore((state) => state.setPaused);
  const clearCapture = usePanelStore((state) => state.clearCapture);
  const source = usePanelStore((state) => state.source);
  const stats = usePanelStore((state) => state.stats);
  const replier = usePanelStore((state) => state.replier);
  const showImported = usePanelStore((state) => state.showImported);
  const setNotice = usePanelStore((state) => state.setNotice);
  usePanelStore((state) => state.version);
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<ExportFormat | 'import' | null>(null);
  const live = source === 'live';

  async function exportAs(format: ExportFormat): Promise<void> {
    setBusy(format);
    try {
      const text = live ? await exportLive(requireReplier(replier), format) : exportShown(entryRing, format);
      downloadText(text, captureFileName(format), EXPORT_MIME[format]);
      setNotice('');
    } catch (error) {
      setNotice(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  }

  async function importFile(file: File): Promise<void> {
    setBusy('import');
    try {
      const imported = parseCaptureFile(file.name, await file.text());
      showImported(file.name, imported.entries, imported.warnings);
      setNotice('');
    } catch (error) {
      setNotice(`Could not open ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  return (
    <header className="toolbar" role="toolbar" aria-label="capture">
      <span className="app-title">Mini Socket DevTools</span>
      <span className={`link-status link-${link}`} role="status" aria-label="engine link">
        <span className="link-dot" aria-hidden="true" />
        {LINK_TEXT[link]}
      </span>
      <span className="toolbar-sep" />
      <button type="button" onClick={() => setPaused(!paused)} disabled={!live} aria-pressed={paused} title="Freeze the log while the capture keeps filling">
        {paused ? '▶ Resume' : '❚❚ Pause'}
      </button>
      <button type="button" onClick={clearCapture} disabled={!live || link !== 'open'} title="Clear the capture (in the engine too)">
        ⌫ Clear
      </button>
      <span className="toolbar-sep" />
      <button type="button" onClick={() => void exportAs('har')} disabled={busy !== null || (live && !replier)} title="Download the capture as HAR 1.2 (Chrome's WebSocket shape)">
        {busy === 'har' ? 'Exporting…' : '⇩ HAR'}
      </button>
      <button type="button" onClick={() => void exportAs('jsonl')} disabled={busy !== null || (live && !replier)} title="Download the capture as JSONL (one entry per line)">
        {busy === 'jsonl' ? 'Exporting…' : '⇩ JSONL'}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()} disabled={busy !== null} title="Open a HAR or JSONL capture and view it offline">
        {busy === 'import' ? 'Opening…' : '⇧ Open…'}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".har,.json,.jsonl,.ndjson,application/json"
        className="visually-hidden"
        aria-label="Open a capture file"
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void importFile(file);
        }}
      />
      <span className="toolbar-sep" />
      <ResetLayoutButton />
      <ThemeSelect />
      {onHelp && (
        <button type="button" onClick={onHelp} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
          ?
        </button>
      )}
      <span className="toolbar-fill" />
      <span className="capture-counts" aria-label="capture counts">
        {entryRing.size().toLocaleString('en-US')} entries
        {live && stats && stats.total - stats.cleared !== entryRing.size() ? ` · ${(stats.total - stats.cleared).toLocaleString('en-US')} captured` : ''}
      </span>
    </header>
  );
}

function requireReplier<T>(replier: T | null): T {
  if (replier === null) throw new Error('no link to the engine');
  return replier;
}
