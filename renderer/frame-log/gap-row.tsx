// A gap row: where the stream skipped entries (the engine's ring evicted them before the panel took them),
// how many and which seqs, and "Show" to read them back from the session on disk in place
// (docs/behaviour.md#a27-gaps-in-the-live-log). Under a filter the count is of every skipped entry, said so,
// with how many of those read back so far matched: the filter can only test entries once read.
import type { SeqGap } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import { filledRows, MAX_GAP_ROWS, useGapFillStore } from './gap-fill-store';
import { OLDER_PAGE } from './session-older-store';
import './log-columns.css';
import './log-row.css';
import './gap-row.css';

const count = (n: number) => n.toLocaleString('en-US');

interface GapRowProps {
  gap: SeqGap;
  /** First unread seq. */
  fromSeq: number;
  /** Entries read back before the row that passed the filter. */
  matched: number;
  /** A filter is active. */
  filtered: boolean;
  top: number;
  generation: number;
}

/** What the row says of its unread entries: their count and seqs, and under a filter that it is not applied to them yet. */
export function gapRowText({ gap, fromSeq, matched, filtered }: Pick<GapRowProps, 'gap' | 'fromSeq' | 'matched' | 'filtered'>): string {
  const unread = gap.toSeq - fromSeq + 1;
  const read = fromSeq - gap.fromSeq;
  const what = `${count(unread)} ${unread === 1 ? 'entry' : 'entries'} not streamed (#${fromSeq}–#${gap.toSeq})`;
  if (!filtered) return `${what}, in the session on disk`;
  return `${what}, filter not applied yet${read > 0 ? ` · ${count(matched)} of ${count(read)} read matched` : ''}`;
}

export function GapRow({ gap, fromSeq, matched, filtered, top, generation }: GapRowProps) {
  const replier = usePanelStore((state) => state.replier);
  const fills = useGapFillStore((state) => (state.generation === generation ? state.fills : undefined));
  const showMore = useGapFillStore((state) => state.showMore);
  const fill = fills?.[gap.fromSeq];
  const unread = gap.toSeq - fromSeq + 1;
  const full = fills !== undefined && filledRows(fills) >= MAX_GAP_ROWS;
  const next = Math.min(unread, OLDER_PAGE);
  return (
    <div className="log-row gap-row" role="row" data-gap-from={gap.fromSeq} style={{ transform: `translateY(${top}px)` }}>
      <span className="gap-text" role="gridcell" title={filtered ? 'The filter is applied to these entries as Show reads them from the session on disk.' : undefined}>
        {gapRowText({ gap, fromSeq, matched, filtered })}
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
