// The hover card of the timeline: for an error or warning marker the full explanation (code, seed text,
// remedy, raw cause / what, why, fix), for other markers what the entry is, for a density bucket how many
// messages it holds. Text only. Rendered into <body> at fixed viewport coordinates, so it is never clipped
// by the scrolling timeline: below the pointer, or above it near the bottom of the window.
import { createPortal } from 'react-dom';
import { entryRing } from '../capture/entry-ring';
import { ProblemDetails } from '../warnings/problem-details';
import { describeProblem } from '../warnings/describe-problem';
import { isProblem } from './classify-entry';
import { describeEntry } from './describe-entry';
import type { TimelineHit } from './timeline-hit-test';
import { formatTickLabel } from './timeline-viewport';

export interface TimelineTooltipProps {
  hit: Exclude<TimelineHit, { kind: 'lane' }>;
  /** Pointer position in the window (clientX / clientY). */
  clientX: number;
  clientY: number;
}

const CARD_WIDTH = 400;
const GAP = 14;

/** Renders the hover card (see the module comment). */
export function TimelineTooltip({ hit, clientX, clientY }: TimelineTooltipProps) {
  const left = Math.max(4, Math.min(clientX + GAP, window.innerWidth - CARD_WIDTH - 8));
  const below = clientY < window.innerHeight / 2;
  const place = below ? { top: clientY + GAP } : { bottom: window.innerHeight - clientY + GAP };
  const where = hit.lane.kind === 'connection' ? hit.lane.connectionId : `no connection (${hit.lane.clientId})`;
  return createPortal(
    <div className="msd-timeline__tooltip" role="tooltip" style={{ left, width: CARD_WIDTH, ...place }}>
      {hit.kind === 'marker' ? <MarkerCard seq={hit.marker.seq} count={hit.marker.count} where={where} /> : <BucketCard hit={hit} where={where} />}
    </div>,
    document.body,
  );
}

function MarkerCard({ seq, count, where }: { seq: number; count: number; where: string }) {
  const entry = entryRing.bySeq(seq);
  if (!entry) return <p className="msd-muted">Entry #{seq} is no longer held.</p>;
  return (
    <>
      <div className="msd-timeline__tooltip-meta">
        #{entry.seq} · {formatTickLabel(entry.monoTime, 1)} · {where}
        {entry.clientId && entry.connectionId ? ` · ${entry.clientId}` : ''}
        {entry.page !== undefined ? ` · ${entry.page}` : ''}
      </div>
      {isProblem(entry) ? <ProblemDetails problem={describeProblem(entry)} compact /> : <div className="msd-timeline__tooltip-title">{describeEntry(entry)}</div>}
      {count > 1 && <div className="msd-muted">and {count - 1} more like it here: zoom in to tell them apart.</div>}
      <div className="msd-muted msd-timeline__tooltip-hint">Click to select it in the log.</div>
    </>
  );
}

function BucketCard({ hit, where }: { hit: Extract<TimelineHit, { kind: 'bucket' }>; where: string }) {
  const { bucket } = hit;
  const total = bucket.incoming + bucket.outgoing;
  return (
    <>
      <div className="msd-timeline__tooltip-meta">{where}</div>
      <div className="msd-timeline__tooltip-title">
        {total} message{total === 1 ? '' : 's'}: {bucket.incoming} in, {bucket.outgoing} out
      </div>
      <div className="msd-muted msd-timeline__tooltip-hint">Click to select the first of them in the log.</div>
    </>
  );
}

