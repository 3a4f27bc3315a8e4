// The running replays: each with its ws:// URL (copy, or connect the panel's `my` to it as a SocketTask),
// what it plays, how its newest client is doing, and Stop. Shared by every panel of the engine.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { PanelTransport } from '../../shared/panel-wire';
import type { ReplayEndpoint } from '../../shared/replay';
import { panelSocketsFor } from '../controls/panel-controls-session';
import { CopyButton } from '../clipboard/copy-button';
import type { RequestReplier } from '../transport/request-reply';
import { stopReplay } from './replay-actions';
import { describeContents, describeEnd, describePlay, describeSpeed, playStateWord } from './replay-describe';
import { replayWatchFor } from './replay-watch';

export interface ReplayListProps {
  replier: RequestReplier;
  transport: PanelTransport | null;
  /** The replay this panel just started (highlighted). */
  highlightId?: string;
  strictWss: boolean;
}

/** The list, kept current while it is shown. */
export function ReplayList({ replier, transport, highlightId, strictWss }: ReplayListProps) {
  const watch = replayWatchFor(replier);
  useEffect(() => watch.hold(), [watch]);
  const replays = useStore(watch.store, (state) => state.replays);
  const error = useStore(watch.store, (state) => state.error);
  return (
    <div className="replay-running">
      <h4>Running replays{replays.length > 0 ? ` (${replays.length})` : ''}</h4>
      {error && (
        <p className="replay-error" role="alert">
          The list of replays could not be read: {error}. Retrying…
        </p>
      )}
      {replays.length === 0 ? (
        <p className="muted replay-empty">None. Start one above; it keeps running until you stop it or the app quits.</p>
      ) : (
        <>
          {strictWss && (
            <p className="replay-warning">"Strict wss" is on, so connectSocket refuses these ws:// URLs with 5: turn it off in Session settings while replaying.</p>
          )}
          <ul className="replay-items" aria-label="running replays">
            {[...replays].reverse().map((endpoint) => (
              <ReplayItem key={endpoint.id} endpoint={endpoint} replier={replier} transport={transport} highlighted={endpoint.id === highlightId} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ReplayItem({ endpoint, replier, transport, highlighted }: { endpoint: ReplayEndpoint; replier: RequestReplier; transport: PanelTransport | null; highlighted: boolean }) {
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const [stopping, setStopping] = useState(false);
  const stateWord = playStateWord(endpoint.lastPlay);
  const stop = () => {
    setStopping(true);
    stopReplay(replier, endpoint.id).catch((error: unknown) => {
      setStopping(false);
      setNote({ text: `Could not stop it: ${error instanceof Error ? error.message : String(error)}`, failed: true });
    });
  };
  const connect = () => {
    if (!transport) return;
    const { key } = panelSocketsFor(transport).connect({ url: endpoint.url, multiple: true });
    setNote({ text: `Connecting the panel as ${key}: send to it and close it under Connection controls.`, failed: false });
  };
  return (
    <li className={`replay-item${highlighted ? ' replay-item-new' : ''}`} data-replay={endpoint.id} aria-label={`replay ${endpoint.label}`}>
      <div className="replay-item-head">
        <span className="replay-label" title={`${endpoint.label}\nrecorded from ${endpoint.recordedUrl}`}>
          {endpoint.label}
        </span>
        <span className={`replay-state replay-state-${endpoint.lastPlay?.state ?? 'idle'}`}>{stateWord}</span>
      </div>
      <code className="replay-url" data-testid="replay-url">
        {endpoint.url}
      </code>
      <p className="replay-facts">
        {describeContents(endpoint)}, {describeEnd(endpoint.end)}. Speed: {describeSpeed(endpoint.options.speed)}. Clients so far: {endpoint.plays}.
      </p>
      <p className={`replay-play replay-play-${endpoint.lastPlay?.state ?? 'idle'}`} aria-label="newest play">
        {describePlay(endpoint)}
      </p>
      <div className="replay-actions">
        <CopyButton label="Copy URL" text={() => endpoint.url} />
        <button type="button" onClick={connect} disabled={!transport} title="Opens a SocketTask of the panel's own my to this URL">
          Connect from the panel
        </button>
        <button type="button" onClick={stop} disabled={stopping}>
          {stopping ? 'Stopping…' : 'Stop'}
        </button>
      </div>
      {note && (
        <p className={note.failed ? 'replay-error' : 'muted replay-note'} role={note.failed ? 'alert' : undefined}>
          {note.text}
        </p>
      )}
    </li>
  );
}
