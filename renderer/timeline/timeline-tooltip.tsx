// The hover card of the timeline: for an error or warning marker the full explanation (code, seed text,
// remedy, raw cause / what, why, fix), for other markers what the entry is, for a density bucket how many
// messages it holds. Text only, in a FloatingCard.
import { entryRing } from '../capture/entry-ring';
import { ProblemDetails } from '../warnings/problem-details';
import { describeProblem } from '../warnings/describe-problem';
import { isProblem } from './classify-entry';
import { describeEntry } from './describe-entry';
import { FloatingCard } from './floating-card';
import type { TimelineHit } from './timeline-hit-test';
import { formatTickLabel } from './timeline-viewport';

export interface TimelineTooltipProps {
  hit: Exclude<TimelineHit, { kind: 'lane' }>;
  /** Pointer position in the window (clientX / clientY). */
  clientX: number;
  clientY: number;
}

/** Renders the hover card (see the module comment). */
export function TimelineTooltip({ hit, clientX, clientY }: TimelineTooltipProps) {
  const where = hit.lane.kind === 'connection' ? hit.lane.connectionId : `no connection (${hit.lane.clientId})`;
  return (
    <FloatingCard clientX={clientX} clientY={clientY}>
      {hit.kind === 'marker' ? <MarkerCard seq={hit.marker.seq} count={hit.marker.count} where={where} /> : <BucketCard hit={hit} where={where} />}
    </FloatingCard>
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

