// The inspector's "Replay as mock server" section for one connection: pick a speed (and whether to wait for
// the app's own messages), start a replay endpoint on the lab, then see it among the running replays with
// its ws:// URL. Works for the live capture and for an imported HAR / JSONL alike.
import { useState } from 'react';
import { connectionCatalog } from '../capture/connection-catalog';
import { entryRing } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import { startReplay } from './replay-actions';
import { SPEED_CHOICES } from './replay-describe';
import { ReplayList } from './replay-list';
import { replaySourceFor, whyNotReplayable } from './replay-sources';
import './replay.css';

type StartState = { kind: 'idle' } | { kind: 'starting' } | { kind: 'started'; id: string } | { kind: 'failed'; error: string };

/** The section for `connectionId` (of the shown capture). */
export function ReplaySection({ connectionId }: { connectionId: string }) {
  const replier = usePanelStore((state) => state.replier);
  const transport = usePanelStore((state) => state.transport);
  const source = usePanelStore((state) => state.source);
  const strictWss = usePanelStore((state) => state.engineState?.settings.strictWss ?? false);
  usePanelStore((state) => state.version);
  const [speed, setSpeed] = useState(1);
  const [matchSent, setMatchSent] = useState(false);
  const [start, setStart] = useState<StartState>({ kind: 'idle' });
  const blocked = whyNotReplayable(connectionCatalog.entriesOf(connectionId));

  const onStart = () => {
    if (!replier) return;
    const built = replaySourceFor(connectionId, source, entryRing);
    if (!built.ok) {
      setStart({ kind: 'failed', error: built.error });
      return;
    }
    setStart({ kind: 'starting' });
    startReplay(replier, built.source, { speed, matchSent }).then(
      (endpoint) => setStart({ kind: 'started', id: endpoint.id }),
      (error: unknown) => setStart({ kind: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <section className="inspector-section replay" aria-label="replay as mock server">
      <h3>Replay as mock server</h3>
      <p className="muted replay-intro">
        Serves {connectionId}'s recorded server messages, in order and with their timing, to whatever connects to the replay's ws:// URL, then ends
        the way the recording did.
      </p>
      {!replier ? (
        <p className="muted">Not connected to the engine.</p>
      ) : blocked ? (
        <p className="muted">{blocked}</p>
      ) : (
        <div className="replay-form">
          <label className="replay-field">
            <span>Speed</span>
            <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
              {SPEED_CHOICES.map((choice) => (
                <option key={choice.speed} value={choice.speed}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
          <label className="replay-check">
            <input type="checkbox" checked={matchSent} onChange={(event) => setMatchSent(event.target.checked)} />
            <span>Wait for the app's messages as recorded (a different one closes with 1008)</span>
          </label>
          <button type="button" className="primary" onClick={onStart} disabled={start.kind === 'starting'}>
            {start.kind === 'starting' ? 'Starting…' : 'Start replay'}
          </button>
        </div>
      )}
      {start.kind === 'failed' && (
        <p className="replay-error" role="alert">
          Could not start the replay: {start.error}
        </p>
      )}
      {replier && <ReplayList replier={replier} transport={transport} strictWss={strictWss} highlightId={start.kind === 'started' ? start.id : undefined} />}
    </section>
  );
}
