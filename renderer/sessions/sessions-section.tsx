// Saved sessions: every run of the engine saved on disk in full (docs/session-storage.md). The list shows
// start, end, mini-app, entries, size and a live / recovered badge; each session opens read-only in the
// whole panel (the offline view a HAR import uses), downloads as HAR or JSONL, or is deleted.
import { useCallback, useEffect, useState } from 'react';
import type { SessionInfo } from '../../shared/session-wire';
import { DEFAULT_RING_CAPACITY } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import { downloadText } from '../export/download-file';
import { EXPORT_MIME } from '../export/export-capture';
import { formatBytes, formatEnd, formatTime, sessionFileName } from './session-format';
import { deleteSession, exportSession, lastWindowStart, listSessions, readSession, type SessionFormat } from './sessions-client';
import './sessions.css';

type Busy = { id: string; what: 'open' | SessionFormat | 'delete' } | null;
/** The session the offline view shows, and from which entry (a session larger than the ring shows a window). */
type Shown = { id: string; start: number } | null;

/** The collapsible "Saved sessions" section. */
export function SessionsSection() {
  const replier = usePanelStore((state) => state.replier);
  const link = usePanelStore((state) => state.link);
  const showImported = usePanelStore((state) => state.showImported);
  const [open, setOpen] = useState(false);
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [liveId, setLiveId] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [shown, setShown] = useState<Shown>(null);
  const source = usePanelStore((state) => state.source);
  const [message, setMessage] = useState('');

  const refresh = useCallback(async () => {
    if (!replier) return;
    try {
      const list = await listSessions(replier);
      setSessions([...list.sessions].reverse());
      setLiveId(list.liveId);
      setMessage('');
    } catch (error) {
      setSessions([]);
      setMessage(describe(error));
    }
  }, [replier]);

  useEffect(() => {
    if (open && link === 'open') void refresh();
  }, [open, link, refresh]);

  async function act(session: SessionInfo, what: NonNullable<Busy>['what'], run: () => Promise<void>): Promise<void> {
    setBusy({ id: session.id, what });
    try {
      await run();
      setMessage('');
    } catch (error) {
      setMessage(`${what === 'open' ? 'Open' : what === 'delete' ? 'Delete' : 'Export'} failed: ${describe(error)}`);
    } finally {
      setBusy(null);
    }
  }

  const openSession = (session: SessionInfo, start = lastWindowStart(session, DEFAULT_RING_CAPACITY)) =>
    act(session, 'open', async () => {
      if (!replier) throw new Error('no link to the engine');
      const window = await readSession(replier, session, DEFAULT_RING_CAPACITY, start);
      const last = window.start + window.entries.length;
      const notes = window.entries.length < session.entries ? [`showing entries ${(window.start + 1).toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${session.entries.toLocaleString('en-US')}; Older / Newer in Saved sessions move the window, a download holds them all`] : [];
      showImported(`session ${formatTime(session.startedAt)}${session.recovered ? ' (recovered)' : ''}`, window.entries, notes);
      setShown({ id: session.id, start: window.start });
    });
  const download = (session: SessionInfo, format: SessionFormat) =>
    act(session, format, async () => {
      if (!replier) throw new Error('no link to the engine');
      downloadText(await exportSession(replier, session.id, format), sessionFileName(session, format), EXPORT_MIME[format]);
    });
  const remove = (session: SessionInfo) =>
    act(session, 'delete', async () => {
      if (!replier) throw new Error('no link to the engine');
      await deleteSession(replier, session.id);
      await refresh();
    });

  return (
    <details className="side-section sessions-section" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Saved sessions</summary>
      <div className="sessions-body">
        <div className="sessions-head">
          <span className="muted">{sessions === null ? 'Loading…' : `${sessions.length} session${sessions.length === 1 ? '' : 's'} on disk`}</span>
          <button type="button" onClick={() => void refresh()} disabled={!replier}>
            ↻ Refresh
          </button>
        </div>
        {message && (
          <p className="sessions-message" role="alert">
            {message}
          </p>
        )}
        <ul className="sessions-list" aria-label="saved sessions">
          {(sessions ?? []).map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              isLive={session.id === liveId}
              shownFrom={source !== 'live' && shown?.id === session.id ? shown.start : null}
              busy={busy?.id === session.id ? busy.what : null}
              disabled={busy !== null}
              onOpen={openSession}
              onDownload={download}
              onDelete={remove}
            />
          ))}
        </ul>
      </div>
    </details>
  );
}

interface SessionRowProps {
  session: SessionInfo;
  isLive: boolean;
  /** The offline view shows this session from this entry; null when it does not show it. */
  shownFrom: number | null;
  busy: NonNullable<Busy>['what'] | null;
  disabled: boolean;
  onOpen(session: SessionInfo, start?: number): void;
  onDownload(session: SessionInfo, format: SessionFormat): void;
  onDelete(session: SessionInfo): void;
}

function SessionRow({ session, isLive, shownFrom, busy, disabled, onOpen, onDownload, onDelete }: SessionRowProps) {
  const windowed = shownFrom !== null && session.entries > DEFAULT_RING_CAPACITY;
  return (
    <li className="session-row" data-testid="session-row" data-session-id={session.id}>
      <div className="session-line">
        <span className="session-start">{formatTime(session.startedAt)}</span>
        {isLive && <span className="session-badge badge-live">this run</span>}
        {session.live && !isLive && <span className="session-badge badge-live">live elsewhere</span>}
        {session.recovered && (
          <span className="session-badge badge-recovered" title="The engine stopped without closing it (a crash): it holds what was saved until then">
            recovered
          </span>
        )}
      </div>
      <div className="session-line muted">
        <span title="end">→ {formatEnd(session)}</span>
        <span className="session-stat" data-testid="session-entries">
          {session.entries.toLocaleString('en-US')} entries
        </span>
        <span className="session-stat">{formatBytes(session.bytes)}</span>
      </div>
      <div className="session-line session-miniapp muted" title={session.miniapp}>
        {session.miniapp || 'demo mini-app'}
      </div>
      <div className="session-actions">
        <button type="button" onClick={() => onOpen(session)} disabled={disabled} title="Show this session read-only in the whole panel">
          {busy === 'open' ? 'Opening…' : 'Open'}
        </button>
        {windowed && (
          <>
            <button type="button" onClick={() => onOpen(session, shownFrom - DEFAULT_RING_CAPACITY)} disabled={disabled || shownFrom === 0} title="Show the older entries of the session">
              ◀ Older
            </button>
            <button type="button" onClick={() => onOpen(session, shownFrom + DEFAULT_RING_CAPACITY)} disabled={disabled || shownFrom >= lastWindowStart(session, DEFAULT_RING_CAPACITY)} title="Show the newer entries of the session">
              Newer ▶
            </button>
          </>
        )}
        <button type="button" onClick={() => onDownload(session, 'har')} disabled={disabled} title="Download every entry of the session as HAR">
          {busy === 'har' ? 'Exporting…' : '⇩ HAR'}
        </button>
        <button type="button" onClick={() => onDownload(session, 'jsonl')} disabled={disabled} title="Download every entry of the session as JSONL">
          {busy === 'jsonl' ? 'Exporting…' : '⇩ JSONL'}
        </button>
        <button type="button" className="danger" onClick={() => onDelete(session)} disabled={disabled || session.live} title={session.live ? 'A running session cannot be deleted' : 'Delete this session from disk'}>
          {busy === 'delete' ? 'Deleting…' : 'Delete'}
        </button>
      </div>
    </li>
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
