// The right-hand inspector: everything about the selected entry — what it is, its payload in every form,
// its error with the seed's remedy, and its connection's handshake and close.
import type { CaptureEntry } from '../../shared/capture';
import { isRequestConnectionId } from '../../shared/capture';
import { connectionCatalog } from '../capture/connection-catalog';
import { entryRing } from '../capture/entry-ring';
import type { RingEntry } from '../capture/entry-ring';
import { entryTypeOf } from '../capture/entry-type';
import { formatClock, formatSize } from '../frame-log/format-cells';
import { ReleaseParity } from '../parity/release-parity';
import { ReplaySection } from '../replay/replay-section';
import { ConnectionDebugging } from '../debugging/connection-debugging';
import { DecodedSection } from '../decoders/decoded-section';
import { usePanelStore } from '../store/panel-store';
import { ConnectionDetails } from './connection-details';
import { summarizeConnection } from './connection-summary';
import { ErrorDetails } from './error-details';
import { JsonTree } from './json-tree';
import { PayloadView } from './payload-view';
import { RequestDetails } from './request-details';
import { useFullEntry } from './use-full-entry';
import { useSessionEntry } from './use-session-entry';
import type { RequestReplier } from '../transport/request-reply';
import './inspector.css';

/** The inspector panel, bound to the store's selection. */
export function Inspector() {
  const selectedSeq = usePanelStore((state) => state.selectedSeq);
  const source = usePanelStore((state) => state.source);
  const replier = usePanelStore((state) => state.replier);
  // The ring is outside React: subscribing to `version` re-reads it after a clear or an eviction.
  usePanelStore((state) => state.version);
  const entry = selectedSeq === null ? undefined : entryRing.bySeq(selectedSeq);
  if (selectedSeq === null) {
    return (
      <aside className="inspector inspector-empty" aria-label="inspector">
        <p>Select a row in the log to inspect it.</p>
        <p className="muted">↑ ↓ PageUp PageDown Home End move the selection when the log has focus.</p>
      </aside>
    );
  }
  if (!entry) {
    if (source === 'live' && replier) return <SessionEntryInspector key={selectedSeq} seq={selectedSeq} replier={replier} />;
    return (
      <aside className="inspector inspector-empty" aria-label="inspector">
        <p>Entry #{selectedSeq} is no longer held (cleared or dropped).</p>
      </aside>
    );
  }
  return <EntryInspector key={entry.seq} entry={entry} />;
}

/** An entry the panel ring evicted, read from the run's session on disk. */
function SessionEntryInspector({ seq, replier }: { seq: number; replier: RequestReplier }) {
  const read = useSessionEntry(seq, replier);
  if (read.status === 'ready') return <EntryInspector entry={read.entry} fromSession />;
  return (
    <aside className="inspector inspector-empty" aria-label="inspector">
      <p>{read.status === 'loading' ? `Reading entry #${seq} from the session on disk…` : `Entry #${seq} could not be read from the session (${read.error}).`}</p>
    </aside>
  );
}

/** The inspector for one entry (exported for tests that render without the store's selection). */
export function EntryInspector({ entry, fromSession = false }: { entry: RingEntry; fromSession?: boolean }) {
  const replier = usePanelStore((state) => state.replier);
  const engineState = usePanelStore((state) => state.engineState);
  // A close may arrive while the entry is shown: re-read the connection on every version (the catalog is cheap).
  usePanelStore((state) => state.version);
  const full = useFullEntry(entry, replier);
  const shown = full.entry;
  const live = engineState?.connections.find((info) => info.connectionId === entry.connectionId);
  const isRequest = entry.kind === 'http';
  const connection = entry.connectionId && !isRequestConnectionId(entry.connectionId) ? summarizeConnection(entry.connectionId, connectionCatalog.entriesOf(entry.connectionId), live) : undefined;
  return (
    <aside className="inspector" aria-label="inspector">
      <EntryHeader entry={shown} />
      {fromSession && <p className="payload-note">Read from the session on disk (the log's memory no longer holds this entry).</p>}
      {connection && <ConnectionDebugging connectionId={entry.connectionId} url={connection.url ?? ''} />}
      {full.status === 'loading' && <p className="payload-note">Loading the full payload…</p>}
      {full.status === 'failed' && <p className="payload-note error-text">Could not load the full payload ({full.error}); showing the preview.</p>}
      {shown.truncated && <p className="payload-note">The capture kept only the first part of this payload (payload cap).</p>}
      {isRequest ? <RequestDetails entry={shown} /> : <ErrorDetails entry={shown} />}
      <PayloadView entry={shown} />
      <DecodedSection entry={full.status === 'ready' ? full.entry : entry} renderTree={(value) => <JsonTree value={value} />} />
      {!isRequest && shown.detail && Object.keys(shown.detail).length > 0 && (
        <section className="inspector-section" aria-label="details">
          <h3>Details</h3>
          <JsonTree value={shown.detail} />
        </section>
      )}
      {connection && <ConnectionDetails summary={connection} />}
      {connection && <ReleaseParity connectionId={entry.connectionId} />}
      {connection && <ReplaySection connectionId={entry.connectionId} />}
    </aside>
  );
}

function EntryHeader({ entry }: { entry: CaptureEntry }) {
  const arrow = entry.direction === 'out' ? '↑ sent' : entry.direction === 'in' ? '↓ received' : '';
  return (
    <header className="inspector-header">
      <h2>
        <span className={`type-chip type-${entryTypeOf(entry)}`}>{entryTypeOf(entry)}</span> {entry.name}
      </h2>
      <dl className="facts compact">
        <dt>#</dt>
        <dd className="mono">{entry.seq}</dd>
        <dt>Time</dt>
        <dd className="mono time-fact">
          <span className="time-value">{formatClock(entry.wallTime)}</span> <span className="muted time-value">({new Date(entry.wallTime).toISOString()})</span>
        </dd>
        {arrow && (
          <>
            <dt>Direction</dt>
            <dd>{arrow}</dd>
          </>
        )}
        <dt>Size</dt>
        <dd className="mono">{entry.kind === 'frame' || entry.kind === 'http' ? `${formatSize(entry.size)} (${entry.size} bytes)` : '—'}</dd>
        <dt>Client</dt>
        <dd className="mono">{entry.clientId}</dd>
        {entry.page !== undefined && (
          <>
            <dt>Page</dt>
            <dd className="mono">{entry.page}</dd>
          </>
        )}
        {entry.connectionId && (
          <>
            <dt>Connection</dt>
            <dd className="mono">{entry.connectionId}</dd>
          </>
        )}
      </dl>
    </header>
  );
}
