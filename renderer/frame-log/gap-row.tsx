// A gap row: where the stream skipped entries (the engine's ring evicted them before the panel took them),
// how many and which seqs, and "Show" to read them back from the session on disk in place
// (docs/behaviour.md#a27-gaps-in-the-live-log).
import type { SeqGap } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import { filledRows, MAX_GAP_ROWS, useGapFillStore } from './gap-fill-store';
import { OLDER_PAGE } from './session-older-store';

const count = (n: number) => n.toLocaleString('en-US');

export function GapRow({ gap, fromSeq, top, generation }: { gap: SeqGap; fromSeq: number; top: number; generation: number }) {
  const replier = usePanelStore((state) => state.replier);
  const fills = useGapFillStore((state) => (state.generation === generation ? state.fills : undefined));
  const showMore = useGapFillStore((state) => state.showMore);
  const fill = fills?.[gap.fromSeq];
  const unread = gap.toSeq - fromSeq + 1;
  const full = fills !== undefined && filledRows(fills) >= MAX_GAP_ROWS;
  const next = Math.min(unread, OLDER_PAGE);
  return (
    <div className="log-row gap-row" role="row" data-gap-from={gap.fromSeq} style={{ transform: `translateY(${top}px)` }}>
      <span className="gap-text" role="gridcell">
        {count(unread)} {unread === 1 ? 'entry' : 'entries'} not streamed (#{fromSeq}–#{gap.toSeq}), in the session on disk
        {fill?.loading && <span className="muted"> · reading…</span>}
        {fill?.error && <span className="gap-error"> · {fill.error}</span>}
        {full && <span className="muted"> · the log holds at most {count(MAX_GAP_ROWS)} read-back rows: open the session in Saved sessions</span>}
      </span>
      {replier !== null && (
        <button type="button" disabled={fill?.loading === true || full} onClick={() => void showMore(replier, gap, generation)}>
          {next === unread ? 'Show' : `Show ${count(next)}`}
        </button>
      )}
    </div>
  );
}
