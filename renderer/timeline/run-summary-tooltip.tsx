// The hover card of a "Whole run" bucket (docs/behaviour.md#a28-whole-run-timeline-summary): its time range,
// frames in and out, connections opened and closed, and each error code with the active client profile's
// description, like the lanes' error markers.
import { DEFAULT_CLIENT_PROFILE, type ClientProfileName } from '../../shared/client-profiles';
import { usePanelStore } from '../store/panel-store';
import { FloatingCard } from './floating-card';
import { describeSummaryBucket, summaryBucketHolding, type SummaryBucketHit } from './run-summary-hit';
import { useRunSummaryStore } from './run-summary-store';

/** The client profile the engine answers with now: its wording explains the summary's codes. */
export function useActiveClientProfile(): ClientProfileName {
  return usePanelStore((state) => state.engineState?.settings.clientProfile) ?? DEFAULT_CLIENT_PROFILE;
}

/** The card of `shown` (see the module comment), recounted from each new summary while the run goes on. */
export function RunSummaryTooltip({ hit: shown, clientX, clientY }: { hit: SummaryBucketHit; clientX: number; clientY: number }) {
  const summary = useRunSummaryStore((state) => state.summary);
  const hit = (summary && summaryBucketHolding(summary, shown.start)) ?? shown;
  const text = describeSummaryBucket(hit, useActiveClientProfile());
  return (
    <FloatingCard clientX={clientX} clientY={clientY}>
      <div className="msd-timeline__tooltip-meta">Whole run · {text.range}</div>
      <div className={hit.bucket.in + hit.bucket.out > 0 ? 'msd-timeline__tooltip-title' : 'msd-muted'}>{text.frames}</div>
      {text.connections && <div>{text.connections}</div>}
      {text.errors.map((line) => (
        <div key={line} className="msd-timeline__tooltip-error">
          {line}
        </div>
      ))}
      <div className="msd-muted msd-timeline__tooltip-hint">Counted by the engine for every entry of the run, also those the log no longer holds.</div>
    </FloatingCard>
  );
}
